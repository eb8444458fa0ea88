/** Merging two papers and undoing it, through the API as every front end calls it, on real library files. */

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiResponse } from '../core/api.js';
import { decodeApiValue, encodeApiValue } from '../core/api-codec.js';
import type { PossibleDuplicates } from '../core/duplicates.js';
import type { Paper } from '../core/model.js';
import type { PaperMerge } from '../core/paper-merge.js';
import { dispatchApiCall } from './api-dispatch.js';
import { LibraryService } from './library-service.js';
import { bundledSampleDigest } from './resources.js';

let directory: string;
let db: string;
let services: LibraryService[];

beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), 'shelfmark-merge-'));
  db = join(directory, 'library.json');
  services = [];
});

afterEach(async () => {
  await Promise.all(services.map((service) => service.close()));
  await rm(directory, { recursive: true, force: true });
});

/** A service as a newly started process has it: nothing read yet. */
function open(): LibraryService {
  const service = new LibraryService(db, {
    sampleDigest: bundledSampleDigest(),
    now: () => new Date('2026-03-11T12:00:00.000Z'),
  });
  services.push(service);
  return service;
}

/** Calls `method` as a transport does: arguments encoded, checked against the schema, the answer encoded. */
async function call<T>(service: LibraryService, method: string, ...args: unknown[]): Promise<T> {
  const decodedArgs = decodeApiValue(encodeApiValue(args));
  const response = decodeApiValue(encodeApiValue(await dispatchApiCall(service, method, decodedArgs))) as ApiResponse;
  if (!response.ok) throw new Error(`${response.error.kind}: ${response.error.message}`);
  return response.value as T;
}

const REFS = `@book{b86, title = {Working memory}, author = {Baddeley, Alan D.}, year = {1986}}
@incollection{bh74, title = {Working Memory}, author = {Baddeley, Alan D. and Hitch, Graham}, year = {1974},
  doi = {10.1016/S0079-7421(08)60452-1}}
@article{h14, title = {Interference}, author = {Healey, M. Karl}, year = {2014}}
`;

async function libraryWithTwoWorkingMemories(): Promise<{ book: Paper; chapter: Paper }> {
  const service = open();
  await call(service, 'importFiles', [{ name: 'refs.bib', bytes: new TextEncoder().encode(REFS) }]);
  const groups = await call<PossibleDuplicates[]>(service, 'listPossibleDuplicates');
  expect(groups).toHaveLength(1);
  const [bookId = '', chapterId = ''] = groups[0]?.papers.map((paper) => paper.id) ?? [];
  expect(groups[0]?.keptApart).toEqual([{ ids: [bookId, chapterId], reasons: ['years 1986 and 1974'] }]);
  await call(service, 'setNote', bookId, 'On the book.');
  await call(service, 'setStatus', [chapterId], 'reading');
  await call(service, 'addTags', [chapterId], ['wm']);
  await call(service, 'setNote', chapterId, 'On the chapter.');
  return {
    book: await call<Paper>(service, 'getPaper', bookId),
    chapter: await call<Paper>(service, 'getPaper', chapterId),
  };
}

describe('mergePapers and unmergePapers', () => {
  it('merge, and the merge is on disk for the next process', async () => {
    const { book, chapter } = await libraryWithTwoWorkingMemories();
    const merged = await call<PaperMerge>(open(), 'mergePapers', book.id, chapter.id);
    expect(merged.paper).toMatchObject({ id: book.id, status: 'reading', tags: ['wm'] });

    const later = open();
    expect(await call<PossibleDuplicates[]>(later, 'listPossibleDuplicates')).toEqual([]);
    const kept = await call<Paper>(later, 'getPaper', chapter.id);
    expect(kept).toEqual(merged.paper);
    expect(kept.note).toBe(
      `On the book.\n\n---\n\nThe note of ${chapter.id} ("Working Memory"), merged into this paper:\n\nOn the chapter.`,
    );
    expect((await later.getLibrary()).papers.map((paper) => paper.id)).toEqual([book.id, expect.any(String)]);
  });

  it('undo puts both papers back as they were, in another process too', async () => {
    const { book, chapter } = await libraryWithTwoWorkingMemories();
    const before = await open().getLibrary();
    const merged = await call<PaperMerge>(open(), 'mergePapers', book.id, chapter.id);
    const restored = await call<Paper[]>(open(), 'unmergePapers', merged.undo);
    expect(restored.map((paper) => [paper.id, paper.note, paper.status])).toEqual([
      [book.id, 'On the book.', 'unread'],
      [chapter.id, 'On the chapter.', 'reading'],
    ]);
    const after = await open().getLibrary();
    const withoutTimes = (papers: readonly Paper[]) => papers.map(({ updatedAt: _, ...paper }) => paper);
    expect(withoutTimes(after.papers)).toEqual(withoutTimes(before.papers));
    expect(after.digests).toEqual(before.digests);
    await expect(call(open(), 'unmergePapers', merged.undo)).rejects.toThrow(
      `invalid-input: ${chapter.id} is not merged into ${book.id}: there is no merge to undo.`,
    );
  });

  it('refuses an undo that is not one', async () => {
    await libraryWithTwoWorkingMemories();
    await expect(call(open(), 'unmergePapers', { kept: {} })).rejects.toThrow(
      /^invalid-input: The request is not valid/,
    );
  });
});
