/**
 * The arXiv API (https://info.arxiv.org/help/api/user-manual.html): papers by id, `GET {base}?id_list=…`, many in
 * one request, every request of the process paced to one in three seconds as its terms ask.
 */

import { NetworkError } from '../../core/errors.js';
import { normalizeTitle } from '../../core/identity.js';
import {
  answersFor,
  matchTitle,
  type ArxivAnswers,
  type ArxivEntry,
  type ArxivFeed,
} from '../../core/import/arxiv-atom.js';
import type { ParsedPaper } from '../../core/model.js';
import { pacedGet, type Step } from '../net/paced-get.js';
import { apiUrl, type NetworkSettings } from '../net/settings.js';
import type { Run } from '../tasks.js';
import { readAtomFeed } from './atom-feed.js';

/** Ids a request: the API takes many, and a GET this long is still short. */
const IDS_PER_REQUEST = 100;
/** An answer stays good this long: an import just after its preview asks arXiv nothing again. */
const REMEMBERED_MS = 10 * 60_000;

/** Titles a search request: several, but not so many that one title's namesakes crowd out another's paper. */
const TITLES_PER_REQUEST = 10;
/** Characters of `search_query` a request: the GET stays well within what servers take. */
const MAX_QUERY_LENGTH = 1_500;
/** Papers a search may bring back for each of its titles. */
const RESULTS_PER_TITLE = 10;

function searchQuery(phrases: readonly string[], maxResults: number): string {
  const query = phrases.map((phrase) => `ti:"${phrase}"`).join(' OR ');
  return `search_query=${encodeURIComponent(query)}&start=0&max_results=${maxResults}`;
}

/** `titles` in batches of TITLES_PER_REQUEST, each within MAX_QUERY_LENGTH. */
function titleBatches(titles: readonly string[], phrases: ReadonlyMap<string, string>): string[][] {
  const batches: string[][] = [];
  let batch: string[] = [];
  let length = 0;
  for (const title of titles) {
    const size = (phrases.get(title) ?? '').length + 10;
    if (batch.length > 0 && (batch.length === TITLES_PER_REQUEST || length + size > MAX_QUERY_LENGTH)) {
      batches.push(batch);
      batch = [];
      length = 0;
    }
    batch.push(title);
    length += size;
  }
  if (batch.length > 0) batches.push(batch);
  return batches;
}

type Answer = { readonly paper: ParsedPaper } | { readonly problem: string };

const count = (value: number, one: string, many = `${one}s`): string =>
  `${value.toLocaleString('en')} ${value === 1 ? one : many}`;

export class ArxivApi {
  readonly #remembered = new Map<string, { readonly answer: Answer; readonly at: number }>();

  constructor(private readonly net: NetworkSettings) {}

  /** The server's name, as reports name where papers came from: "export.arxiv.org". */
  get host(): string {
    return apiUrl(this.net.arxivApi, 'SHELFMARK_ARXIV_API').host;
  }

  /** What arXiv says of each id (without version): its paper, or why there is none. */
  async lookUp(arxivIds: readonly string[], run: Run): Promise<ArxivAnswers> {
    const papers = new Map<string, ParsedPaper>();
    const problems = new Map<string, string>();
    const errors: string[] = [];
    const now = this.net.clock.now();
    const wanted = [...new Set(arxivIds)].filter((id) => {
      const known = this.#remembered.get(id);
      if (known === undefined || now - known.at > REMEMBERED_MS) return true;
      if ('paper' in known.answer) papers.set(id, known.answer.paper);
      else problems.set(id, known.answer.problem);
      return false;
    });
    const chunks: string[][] = [];
    for (let start = 0; start < wanted.length; start += IDS_PER_REQUEST) {
      chunks.push(wanted.slice(start, start + IDS_PER_REQUEST));
    }
    for (const [index, chunk] of chunks.entries()) {
      const step = { done: index, total: chunks.length };
      run.progress({ message: `Asking arXiv for ${count(chunk.length, 'paper')}`, ...step });
      const query = `id_list=${chunk.map(encodeURIComponent).join(',')}&max_results=${chunk.length}`;
      const feed = await this.query(query, run, step);
      const answers = answersFor(chunk, feed.entries);
      errors.push(...answers.errors);
      const at = this.net.clock.now();
      for (const [id, paper] of answers.papers) {
        papers.set(id, paper);
        this.#remembered.set(id, { answer: { paper }, at });
      }
      for (const [id, problem] of answers.problems) {
        problems.set(id, problem);
        this.#remembered.set(id, { answer: { problem }, at });
      }
    }
    run.progress({ message: 'arXiv has answered', done: chunks.length, total: chunks.length });
    return { papers, problems, errors };
  }

  /**
   * The entries a title search finds for each title, several titles a request (`ti:"…" OR ti:"…"`). A title whose
   * request found more papers than it was given is asked again alone, so that others' papers cannot crowd it out.
   */
  async searchTitles(titles: readonly string[], run: Run): Promise<ReadonlyMap<string, readonly ArxivEntry[]>> {
    const phrases = new Map<string, string>();
    for (const title of titles) {
      const phrase = normalizeTitle(title);
      if (phrase !== '') phrases.set(title, phrase);
    }
    const batches = titleBatches([...phrases.keys()], phrases);
    const found = new Map<string, readonly ArxivEntry[]>();
    const again: string[] = [];
    for (const [index, batch] of batches.entries()) {
      const step = { done: index, total: batches.length };
      run.progress({ message: `Looking up ${count(batch.length, 'title')} on arXiv`, ...step });
      const max = batch.length * RESULTS_PER_TITLE;
      const feed = await this.query(
        searchQuery(
          batch.map((title) => phrases.get(title) ?? ''),
          max,
        ),
        run,
        step,
      );
      const crowded = batch.length > 1 && (feed.totalResults ?? 0) > feed.entries.length;
      for (const title of batch) {
        found.set(title, feed.entries);
        if (crowded && matchTitle(title, feed.entries).kind !== 'one') again.push(title);
      }
    }
    for (const [index, title] of again.entries()) {
      const step = { done: index, total: again.length };
      run.progress({ message: 'Looking up a title again, alone', ...step });
      const feed = await this.query(searchQuery([phrases.get(title) ?? ''], RESULTS_PER_TITLE), run, step);
      found.set(title, feed.entries);
    }
    return found;
  }

  /** One request to the API, paced: its feed, or a NetworkError that says what came instead. */
  protected async query(query: string, run: Run, step: Step): Promise<ArxivFeed> {
    const base = apiUrl(this.net.arxivApi, 'SHELFMARK_ARXIV_API');
    const url = `${base.origin}${base.pathname}?${query}`;
    const answer = await pacedGet(url, this.net, run, {
      pacer: this.net.arxivPacer,
      accept: 'application/atom+xml',
      step,
      waiting: (ms) => `Waiting ${Math.ceil(ms / 1000)} s: arXiv asks for no more than one request every 3 seconds`,
    });
    const feed = readAtomFeed(answer.text);
    // arXiv answers a query it cannot take (400) with a feed that holds the error as an entry.
    if (feed !== null && (answer.status === 200 || feed.entries.length > 0)) return feed;
    const what = feed === null ? 'not with an Atom feed' : 'with an empty feed';
    throw new NetworkError(
      `${base.host} answered ${answer.status}, ${what}: is ${this.net.arxivApi} the arXiv API (SHELFMARK_ARXIV_API)?`,
    );
  }
}
