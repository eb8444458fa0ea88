/**
 * The arXiv API (https://info.arxiv.org/help/api/user-manual.html): papers by id, `GET {base}?id_list=…`, many in
 * one request, every request of the process paced to one in three seconds as its terms ask.
 */

import { NetworkError } from '../../core/errors.js';
import { answersFor, type ArxivAnswers, type ArxivFeed } from '../../core/import/arxiv-atom.js';
import type { ParsedPaper } from '../../core/model.js';
import { pacedGet, type Step } from '../net/paced-get.js';
import { apiUrl, type NetworkSettings } from '../net/settings.js';
import type { Run } from '../tasks.js';
import { readAtomFeed } from './atom-feed.js';

/** Ids a request: the API takes many, and a GET this long is still short. */
const IDS_PER_REQUEST = 100;
/** An answer stays good this long: an import just after its preview asks arXiv nothing again. */
const REMEMBERED_MS = 10 * 60_000;

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
