/**
 * The process tests/hostile-input.test.ts runs the importers in, so that one that hangs or runs out of memory can
 * be killed without taking the test with it. Started with `fork(…, { execArgv: ['--import', 'tsx'] })`; it answers
 * each { id, file, fileName, parser } message with what the parser did, and how long it took.
 */

import { readFileSync } from 'node:fs';

import { parseArxivEmail } from '../../core/import/arxiv-email.js';
import { parseBibtex } from '../../core/import/bibtex.js';
import { parseHfDailyJson } from '../../core/import/hf-daily-json.js';
import { parseHfDailyText } from '../../core/import/hf-daily-text.js';
import { DigestError, parseDigestFile, type ParsedFile } from '../../core/import/index.js';
import { parseShelfmarkJson } from '../../core/import/shelfmark-json.js';
import { normalizeLineEndings } from '../../core/import/whitespace.js';
import type { LibrarySnapshot, ParseContext } from '../../core/import/types.js';
import type { ParsedPaper } from '../../core/model.js';
import { normalizeTag } from '../../core/reading.js';
import { isHttpLink } from '../../core/links.js';
import type { ParserName, ParseReply, ParseRequest } from './protocol.js';

const NOW = '2025-06-01T12:00:00.000Z';

const DIRECT: Readonly<Record<Exclude<ParserName, 'detect'>, (text: string, ctx: ParseContext) => ParsedFile>> = {
  'hf-daily-text': (text, ctx) => ({ kind: 'digest', digest: parseHfDailyText(text, ctx), warnings: [] }),
  'hf-daily-json': (text, ctx) => ({ kind: 'digest', digest: parseHfDailyJson(text, ctx), warnings: [] }),
  'arxiv-email': (text, ctx) => ({ kind: 'digest', digest: parseArxivEmail(text, ctx), warnings: [] }),
  bibtex: (text, ctx) => ({ kind: 'digest', digest: parseBibtex(text, ctx), warnings: [] }),
  'shelfmark-json': (text, ctx) => ({ kind: 'library', library: parseShelfmarkJson(text, ctx), warnings: [] }),
};

function problemsOf(papers: readonly ParsedPaper[], tags: readonly (readonly string[])[]): string[] {
  const problems: string[] = [];
  const say = (problem: string): void => {
    if (problems.length < 20) problems.push(problem);
  };
  papers.forEach((paper, index) => {
    if (typeof paper.title !== 'string' || paper.title.trim() === '') say(`paper ${index} has no title`);
    for (const link of paper.links)
      if (!isHttpLink(link)) say(`paper ${index} has the link ${JSON.stringify(link.slice(0, 100))}`);
  });
  tags.forEach((paperTags, index) => {
    for (const tag of paperTags) {
      let normal: string | null = null;
      try {
        normal = normalizeTag(tag);
      } catch {
        // refused below
      }
      if (normal !== tag)
        say(`paper ${index} has the tag ${JSON.stringify(tag.slice(0, 100))}, which Shelfmark refuses or changes`);
    }
  });
  return problems;
}

/** Papers of a Shelfmark export whose reading state (it has an updatedAt) did not come through, note and all. */
function lostStates(source: string, library: LibrarySnapshot): string[] {
  let papers: unknown;
  try {
    papers = (JSON.parse(source) as { papers?: unknown }).papers;
  } catch {
    return [];
  }
  if (!Array.isArray(papers)) return [];
  const lost: string[] = [];
  for (const paper of papers as { id?: unknown; note?: unknown; updatedAt?: unknown }[]) {
    if (typeof paper.id !== 'string' || paper.updatedAt === null) continue;
    const state = Object.hasOwn(library.states, paper.id) ? library.states[paper.id] : undefined;
    if (state?.note !== paper.note)
      lost.push(
        `the reading state of paper ${JSON.stringify(paper.id)} is lost (its note ${JSON.stringify(paper.note)})`,
      );
  }
  return lost;
}

let cached: { file: string; bytes: Uint8Array; text: string | null } | null = null;

function input(file: string): { bytes: Uint8Array; text: () => string } {
  if (cached?.file !== file) cached = { file, bytes: new Uint8Array(readFileSync(file)), text: null };
  const entry = cached;
  return {
    bytes: entry.bytes,
    // As lenient as a decoder gets: the parsers themselves must cope with whatever text they are handed.
    text: () => (entry.text ??= normalizeLineEndings(new TextDecoder('utf-8').decode(entry.bytes))),
  };
}

function handle(request: ParseRequest): ParseReply {
  const ctx: ParseContext = { fileName: request.fileName, now: NOW };
  const { bytes, text } = input(request.file);
  const source = request.parser === 'detect' ? null : text();
  const started = performance.now();
  try {
    const parsed =
      request.parser === 'detect' ? parseDigestFile(bytes, ctx) : DIRECT[request.parser](source ?? '', ctx);
    const ms = performance.now() - started;
    const papers = parsed.kind === 'digest' ? parsed.digest.papers : parsed.library.catalogue.papers;
    const tags = parsed.kind === 'digest' ? [] : Object.values(parsed.library.states).map((state) => state.tags);
    return {
      id: request.id,
      ms,
      outcome: 'result',
      kind: parsed.kind,
      papers: papers.length,
      titles: papers.slice(0, 200).map((paper) => paper.title),
      problems: [...problemsOf(papers, tags), ...(parsed.kind === 'library' ? lostStates(text(), parsed.library) : [])],
    };
  } catch (error) {
    const ms = performance.now() - started;
    return {
      id: request.id,
      ms,
      outcome: error instanceof DigestError ? 'digest-error' : 'other-error',
      errorName: error instanceof Error ? error.name : typeof error,
      message: error instanceof Error ? error.message : String(error),
    };
  }
}

process.on('message', (request: ParseRequest) => {
  process.send?.(handle(request));
});
process.send?.('ready');
