/**
 * The arXiv API and Hugging Face's daily_papers API on a loopback port, answering in their shapes as their
 * documentation describes them, so that tests of `add`, `fetch hf` and `complete` never reach the internet:
 *
 * - arXiv (https://info.arxiv.org/help/api/user-manual.html): `GET /api/query?id_list=…&max_results=…` and
 *   `?search_query=ti:"…" OR ti:"…"`, answered with an Atom 1.0 feed (`arxiv:` and `opensearch:` extensions).
 * - Hugging Face: `GET /hf/api/daily_papers?date=YYYY-MM-DD`, answered with a JSON list of
 *   `{ paper: { id, title, summary, authors: [{ name, hidden }], publishedAt, … }, title, publishedAt, … }`.
 *
 * A test can make the next answers fail (a status, a Retry-After), and reads every request made.
 */

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { normalizeTitle } from '../core/identity.js';

interface FakeAuthor {
  readonly name: string;
  readonly affiliation?: string;
}

/** A paper as the fake arXiv knows it. */
export interface FakeArxivPaper {
  /** Without version: "2410.03060", "hep-th/9901001". */
  readonly id: string;
  /** Its latest version: the entry's id ends in it. */
  readonly version: number;
  readonly title: string;
  readonly summary: string;
  readonly authors: readonly FakeAuthor[];
  /** ISO: when version 1 was submitted. */
  readonly published: string;
  readonly updated?: string;
  readonly primaryCategory: string;
  readonly categories?: readonly string[];
  readonly doi?: string;
  readonly journalRef?: string;
  readonly comment?: string;
}

/** An answer that replaces the next request's. */
export interface FakeFailure {
  /** 0: no answer at all, ever (a server that hangs). */
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
}

export interface FakeRequest {
  readonly path: string;
  readonly query: URLSearchParams;
}

const escapeXml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Text broken into lines of about 70 characters, the later ones indented: as the arXiv API writes titles and abstracts. */
function wrapped(text: string): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && line.length + word.length + 1 > 70) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  lines.push(line);
  return lines.join('\n  ');
}

export function atomEntry(paper: FakeArxivPaper): string {
  const versioned = `${paper.id}v${paper.version}`;
  const authors = paper.authors
    .map(
      (author) =>
        `    <author>\n      <name>${escapeXml(author.name)}</name>\n` +
        (author.affiliation === undefined
          ? ''
          : `      <arxiv:affiliation xmlns:arxiv="http://arxiv.org/schemas/atom">${escapeXml(author.affiliation)}</arxiv:affiliation>\n`) +
        '    </author>\n',
    )
    .join('');
  const optional = (tag: string, value: string | undefined): string =>
    value === undefined
      ? ''
      : `    <arxiv:${tag} xmlns:arxiv="http://arxiv.org/schemas/atom">${escapeXml(value)}</arxiv:${tag}>\n`;
  const categories = [paper.primaryCategory, ...(paper.categories ?? [])]
    .map((term) => `    <category term="${escapeXml(term)}" scheme="http://arxiv.org/schemas/atom"/>\n`)
    .join('');
  return (
    '  <entry>\n' +
    `    <id>http://arxiv.org/abs/${versioned}</id>\n` +
    `    <updated>${paper.updated ?? paper.published}</updated>\n` +
    `    <published>${paper.published}</published>\n` +
    `    <title>${escapeXml(wrapped(paper.title))}</title>\n` +
    `    <summary>  ${escapeXml(wrapped(paper.summary))}\n</summary>\n` +
    authors +
    optional('doi', paper.doi) +
    (paper.doi === undefined
      ? ''
      : `    <link title="doi" href="http://dx.doi.org/${escapeXml(paper.doi)}" rel="related"/>\n`) +
    optional('comment', paper.comment) +
    optional('journal_ref', paper.journalRef) +
    `    <link href="http://arxiv.org/abs/${versioned}" rel="alternate" type="text/html"/>\n` +
    `    <link title="pdf" href="http://arxiv.org/pdf/${versioned}" rel="related" type="application/pdf"/>\n` +
    `    <arxiv:primary_category xmlns:arxiv="http://arxiv.org/schemas/atom" term="${escapeXml(paper.primaryCategory)}" scheme="http://arxiv.org/schemas/atom"/>\n` +
    categories +
    '  </entry>\n'
  );
}

/** The entry arXiv gives in place of papers when a query is wrong, e.g. an id it cannot read. */
export function atomErrorEntry(fragment: string, message: string): string {
  return (
    '  <entry>\n' +
    `    <id>http://arxiv.org/api/errors#${escapeXml(fragment)}</id>\n` +
    '    <title>Error</title>\n' +
    `    <summary>${escapeXml(message)}</summary>\n` +
    '    <updated>2025-03-11T00:00:00-05:00</updated>\n' +
    '    <link href="http://arxiv.org/api/errors#incorrect_id_format" rel="alternate" type="text/html"/>\n' +
    '    <author>\n      <name>arXiv api core</name>\n    </author>\n' +
    '  </entry>\n'
  );
}

export function atomFeed(query: string, entries: readonly string[], totalResults = entries.length): string {
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<feed xmlns="http://www.w3.org/2005/Atom" xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/" xmlns:arxiv="http://arxiv.org/schemas/atom">\n' +
    `  <link href="http://arxiv.org/api/query?${escapeXml(query)}" rel="self" type="application/atom+xml"/>\n` +
    `  <title type="html">ArXiv Query: ${escapeXml(query)}</title>\n` +
    '  <id>http://arxiv.org/api/cHxbiOdZaP56ODnBPIenZhzg5f8</id>\n' +
    '  <updated>2025-03-11T00:00:00-05:00</updated>\n' +
    `  <opensearch:totalResults xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">${totalResults}</opensearch:totalResults>\n` +
    '  <opensearch:startIndex xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">0</opensearch:startIndex>\n' +
    `  <opensearch:itemsPerPage xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">${entries.length}</opensearch:itemsPerPage>\n` +
    entries.join('') +
    '</feed>\n'
  );
}

/** The phrases of a `search_query` of `ti:"…"` terms joined by OR, as Shelfmark asks them. */
function titlePhrases(query: string): string[] {
  return [...query.matchAll(/ti:"([^"]*)"/g)].map((match) => normalizeTitle(match[1] ?? ''));
}

export class FakeWebApis {
  /** Papers by id (without version). */
  readonly arxiv = new Map<string, FakeArxivPaper>();
  /** Ids the fake answers with an error entry, as arXiv does for an id it cannot read. */
  readonly arxivErrors = new Set<string>();
  /** Daily papers by day (YYYY-MM-DD); a day not here is an empty list. */
  readonly days = new Map<string, readonly unknown[]>();
  readonly requests: FakeRequest[] = [];
  /** The next requests' answers, in order, instead of the real ones. */
  readonly failures: FakeFailure[] = [];

  private constructor(
    private readonly server: Server,
    readonly origin: string,
  ) {}

  static async start(): Promise<FakeWebApis> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const apis = new FakeWebApis(server, `http://127.0.0.1:${port}`);
    server.on('request', (request: IncomingMessage, response: ServerResponse) => {
      apis.answer(request, response);
    });
    return apis;
  }

  get arxivBase(): string {
    return `${this.origin}/api/query`;
  }

  get hfBase(): string {
    return `${this.origin}/hf/api`;
  }

  /** The environment that points Shelfmark here. */
  get env(): NodeJS.ProcessEnv {
    return { SHELFMARK_ARXIV_API: this.arxivBase, SHELFMARK_HF_API: this.hfBase };
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private answer(request: IncomingMessage, response: ServerResponse): void {
    const url = new URL(request.url ?? '/', this.origin);
    this.requests.push({ path: url.pathname, query: url.searchParams });
    const failure = this.failures.shift();
    if (failure?.status === 0) return;
    if (failure !== undefined) {
      response.writeHead(failure.status, { 'Content-Type': 'text/plain', ...failure.headers });
      response.end(failure.body ?? `status ${failure.status}`);
      return;
    }
    if (url.pathname === '/api/query') this.answerArxiv(url.searchParams, response);
    else if (url.pathname === '/hf/api/daily_papers') this.answerDailyPapers(url.searchParams, response);
    else {
      response.writeHead(404, { 'Content-Type': 'text/plain' });
      response.end('Not Found');
    }
  }

  private answerArxiv(query: URLSearchParams, response: ServerResponse): void {
    const ids = (query.get('id_list') ?? '').split(',').filter((id) => id !== '');
    const max = Number(query.get('max_results') ?? '10');
    const entries: string[] = [];
    let status = 200;
    if (ids.length > 0) {
      for (const raw of ids) {
        const id = raw.replace(/v\d+$/, '');
        const paper = this.arxiv.get(id);
        if (paper !== undefined) entries.push(atomEntry(paper));
        else if (this.arxivErrors.has(id)) {
          entries.push(atomErrorEntry(`incorrect_id_format_for_${raw}`, `incorrect id format for ${raw}`));
          status = 400;
        }
      }
    } else {
      const phrases = titlePhrases(query.get('search_query') ?? '');
      for (const paper of this.arxiv.values()) {
        const title = ` ${normalizeTitle(paper.title)} `;
        if (phrases.some((phrase) => phrase !== '' && title.includes(` ${phrase} `))) entries.push(atomEntry(paper));
      }
    }
    response.writeHead(status, { 'Content-Type': 'application/atom+xml; charset=utf-8' });
    response.end(atomFeed(query.toString(), entries.slice(0, max), entries.length));
  }

  private answerDailyPapers(query: URLSearchParams, response: ServerResponse): void {
    const date = query.get('date');
    if (date === null || !/^\d{4}-\d{2}-\d{2}$/.test(date)) {
      response.writeHead(400, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify({ error: 'Invalid date' }));
      return;
    }
    response.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8' });
    response.end(JSON.stringify((this.days.get(date) ?? []).map((entry) => listedOn(entry, date))));
  }

  /** The arXiv requests made, as their queries. */
  arxivQueries(): URLSearchParams[] {
    return this.requests.filter((request) => request.path === '/api/query').map((request) => request.query);
  }
}

/** An entry as the API lists it for `date`: its paper submitted to the daily page that day, as the real API says. */
function listedOn(entry: unknown, date: string): unknown {
  if (typeof entry !== 'object' || entry === null || !('paper' in entry)) return entry;
  const { paper } = entry;
  if (typeof paper !== 'object' || paper === null || !('submittedOnDailyAt' in paper)) return entry;
  const time = typeof paper.submittedOnDailyAt === 'string' ? paper.submittedOnDailyAt.slice(10) : 'T00:00:00.000Z';
  return { ...entry, paper: { ...paper, submittedOnDailyAt: `${date}${time}` } };
}
