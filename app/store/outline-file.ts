/**
 * The catalogue's outline, kept beside it so that a large library's list can show before its catalogue is read:
 * every paper with its abstract cut to its first line and without links or categories (core/query.ts outlineOf),
 * a quarter of the catalogue's size. It is derived data and says which catalogue file it was made from (its
 * stamp); it is used only while that is still the catalogue on disk. Missing, stale, unreadable or of another
 * version, it is ignored and made again, so it is written atomically but without waiting for the disk.
 *
 * JSON lines: a header, then a line per paper, so that reading it can stop every few hundred papers and let
 * the process answer other requests (browser mode serves the page's files meanwhile).
 */

import * as fsp from 'node:fs/promises';

import { OUTLINE_ABSTRACT_LENGTH } from '../../core/api.js';
import type { Catalogue, CataloguePaper } from '../../core/model.js';
import { outlineOfCatalogue } from '../../core/query.js';
import { writeFileAtomically } from './atomic-write.js';
import { sameStamp, type FileStamp } from './file-stamp.js';
import { decode, OUTLINE_HEADER_FORMAT, paperSchema, type OutlineHeader } from './schema.js';

/** Papers read between two pauses for the event loop: a millisecond or two of work. */
const PAPERS_PER_SLICE = 500;

export function outlineOfLibraryCatalogue(catalogue: Catalogue): Catalogue {
  return outlineOfCatalogue(catalogue, OUTLINE_ABSTRACT_LENGTH);
}

function nextTurnOfEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

function parseLine(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
}

/** The outline in `file` when it was made from the catalogue with `stamp`; null otherwise, whatever the reason. */
export async function readOutlineFile(file: string, stamp: FileStamp): Promise<Catalogue | null> {
  let text: string;
  try {
    text = (await fsp.readFile(file)).toString('utf8');
  } catch {
    return null;
  }
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  const header = decode(parseLine(lines[0] ?? ''), OUTLINE_HEADER_FORMAT);
  if (!header.ok || !sameStamp(header.value.catalogue, stamp) || header.value.papers !== lines.length - 1) {
    return null;
  }
  const papers: CataloguePaper[] = [];
  for (let start = 1; start < lines.length; start += PAPERS_PER_SLICE) {
    await nextTurnOfEventLoop();
    for (const line of lines.slice(start, start + PAPERS_PER_SLICE)) {
      const paper = paperSchema.safeParse(parseLine(line));
      if (!paper.success) return null;
      papers.push(paper.data);
    }
  }
  return Object.freeze({ papers, digests: header.value.digests });
}

/** Saves `outline`, made from the catalogue file with `stamp`. */
export function writeOutlineFile(file: string, outline: Catalogue, stamp: FileStamp): Promise<void> {
  const header: OutlineHeader = {
    schemaVersion: OUTLINE_HEADER_FORMAT.version,
    catalogue: stamp,
    digests: outline.digests,
    papers: outline.papers.length,
  };
  const lines = [JSON.stringify(header), ...outline.papers.map((paper) => JSON.stringify(paper))];
  return writeFileAtomically(file, `${lines.join('\n')}\n`, { durable: false });
}
