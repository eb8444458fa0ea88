import { describe, expect, it } from 'vitest';
import { parsedDigest, parsedPaper } from '../tests/builders.js';
import { possibleDuplicates } from './duplicates.js';
import { titleId, workId } from './identity.js';
import type { LibrarySnapshot } from './import/types.js';
import { findPaper } from './lookup.js';
import { mergeDigest, mergeLibrary } from './merge.js';
import { emptyStateMap, type Catalogue, type ReadingState, type ReadingStateMap } from './model.js';
import { mergePapers, unmergePapers } from './paper-merge.js';

const NOW = '2026-11-27T10:00:00.000Z';
const LATER = '2026-11-28T10:00:00.000Z';
const LATEST = '2026-11-29T10:00:00.000Z';

const chapter = parsedPaper({
  title: 'Working Memory',
  authors: ['Alan D. Baddeley', 'Graham Hitch'],
  year: 1974,
  abstract: 'A chapter in The Psychology of Learning and Motivation.',
  links: ['https://doi.org/10.1016/S0079-7421(08)60452-1'],
  doi: '10.1016/S0079-7421(08)60452-1',
});
const book = parsedPaper({
  title: 'Working memory',
  authors: ['Alan D. Baddeley'],
  year: 1986,
  categories: ['psychology'],
});
const other = parsedPaper({ title: 'Interference', authors: ['Christopher Healey'], year: 2014 });

function library(): { library: LibrarySnapshot; bookId: string; chapterId: string } {
  const first = mergeDigest({ papers: [], digests: [] }, parsedDigest([book, other]), 'a.bib', NOW);
  const second = mergeDigest(first.catalogue, parsedDigest([chapter], { title: 'Chapters' }), 'b.bib', LATER);
  const bookId = titleId(book.title);
  const chapterId = workId(chapter);
  const states = emptyStateMap();
  states[bookId] = { status: 'reading', tags: ['memory'], note: 'The book.', readAt: null, updatedAt: NOW };
  states[chapterId] = {
    status: 'read',
    tags: ['Memory', 'classic'],
    note: 'The chapter.',
    readAt: LATER,
    updatedAt: LATER,
  };
  return { library: { catalogue: second.catalogue, states }, bookId, chapterId };
}

/** The library after `change`, as the store would hand it out. */
function applied(before: LibrarySnapshot, change: { catalogue: Catalogue; states: ReadingStateMap }): LibrarySnapshot {
  return JSON.parse(
    JSON.stringify({ catalogue: change.catalogue, states: { ...before.states, ...change.states } }),
  ) as LibrarySnapshot;
}

describe('mergePapers', () => {
  it('keeps the later snooze of two unread papers, and none once either was read', () => {
    const { library: before, bookId, chapterId } = library();
    const unread = (until: string): ReadingState => ({
      status: 'unread',
      tags: [],
      note: '',
      readAt: null,
      updatedAt: NOW,
      snoozedUntil: until,
    });
    const states = { ...before.states, [bookId]: unread('2026-12-01'), [chapterId]: unread('2026-12-08') };
    const snoozedBoth = mergePapers({ ...before, states }, bookId, chapterId, LATEST).result.paper;
    expect(snoozedBoth).toMatchObject({ status: 'unread', snoozedUntil: '2026-12-08' });
    const oneRead = mergePapers(before, bookId, chapterId, LATEST).result.paper;
    expect(oneRead.snoozedUntil).toBeUndefined();
    const dismissed: ReadingState = { ...unread('2026-12-01'), status: 'dismissed' };
    const dismissedAndUnread = mergePapers(
      { ...before, states: { [bookId]: dismissed, [chapterId]: unread('2026-12-08') } },
      bookId,
      chapterId,
      LATEST,
    ).result.paper;
    expect(dismissedAndUnread).toMatchObject({ status: 'dismissed' });
    expect(dismissedAndUnread.snoozedUntil).toBeUndefined();
  });

  it('keeps both notes, every tag, the furthest status, every digest and the richer fields', () => {
    const { library: before, bookId, chapterId } = library();
    const change = mergePapers(before, bookId, chapterId, LATEST);
    const { paper } = change.result;
    expect(paper).toMatchObject({
      id: bookId,
      title: 'Working memory',
      authors: ['Alan D. Baddeley', 'Graham Hitch'],
      year: 1986,
      doi: '10.1016/S0079-7421(08)60452-1',
      abstract: 'A chapter in The Psychology of Learning and Motivation.',
      categories: ['psychology'],
      links: ['https://doi.org/10.1016/S0079-7421(08)60452-1'],
      addedAt: NOW,
      status: 'read',
      readAt: LATER,
      tags: ['memory', 'classic'],
      note: `The book.\n\n---\n\nThe note of ${chapterId} ("Working Memory"), merged into this paper:\n\nThe chapter.`,
      aliases: [chapterId, workId(chapter)].filter((id, index, all) => all.indexOf(id) === index),
    });
    expect(paper.digests).toHaveLength(2);
    expect(change.catalogue.papers.map((one) => one.id)).toEqual([bookId, titleId('Interference')]);
    for (const digest of change.catalogue.digests) expect(digest.paperIds).not.toContain(chapterId);
    expect(change.catalogue.digests[1]?.paperIds).toEqual([bookId]);
    // The merged paper's own state stays where it was: nothing it held is lost.
    expect(Object.keys(change.states)).toEqual([bookId]);
  });

  it('leaves the merged id naming the kept paper', () => {
    const { library: before, bookId, chapterId } = library();
    const after = applied(before, mergePapers(before, bookId, chapterId, LATEST));
    expect(findPaper(after.catalogue, chapterId).id).toBe(bookId);
  });

  it('takes the other paper’s state whole when the kept one has none, and refuses one paper twice', () => {
    const { library: before, bookId, chapterId } = library();
    const noState = { ...before, states: { [chapterId]: before.states[chapterId] } } as LibrarySnapshot;
    const { paper } = mergePapers(noState, bookId, chapterId, LATEST).result;
    expect(paper).toMatchObject({ status: 'read', note: 'The chapter.', tags: ['Memory', 'classic'] });
    expect(() => mergePapers(before, bookId, bookId.slice(0, 12), LATEST)).toThrow(/are the same paper/);
    expect(() => mergePapers(before, bookId, 'title-nothing', LATEST)).toThrow('No paper has the id "title-nothing".');
  });

  it('refuses when the two notes together would be longer than a note can be', () => {
    const { library: before, bookId, chapterId } = library();
    const long: ReadingState = { status: 'unread', tags: [], note: 'x'.repeat(600_000), readAt: null, updatedAt: NOW };
    const states = { [bookId]: long, [chapterId]: long };
    expect(() => mergePapers({ ...before, states }, bookId, chapterId, LATEST)).toThrow(/at most 1,000,000/);
  });

  it('makes a re-import of the merged record join the kept paper, and no other work', () => {
    const { library: before, bookId, chapterId } = library();
    const after = applied(before, mergePapers(before, bookId, chapterId, LATEST));
    const again = mergeDigest(after.catalogue, parsedDigest([chapter, book], { title: 'Again' }), 'c.bib', LATEST);
    expect(again.catalogue.papers).toHaveLength(2);
    expect(again.summary.merged.map((paper) => paper.id)).toEqual([bookId]);
    expect(again.summary.mergedInFile.map((paper) => paper.id)).toEqual([bookId]);
    const third = parsedPaper({ title: 'Working memory', authors: ['Nelson Cowan'], year: 2014 });
    const withThird = mergeDigest(after.catalogue, parsedDigest([third], { title: 'Third' }), 'd.bib', LATEST);
    expect(withThird.summary.added).toEqual([{ id: workId(third), title: 'Working memory' }]);
  });

  it('keeps aliases through a backup restored into another library', () => {
    const { library: before, bookId, chapterId } = library();
    const after = applied(before, mergePapers(before, bookId, chapterId, LATEST));
    const restored = mergeLibrary({ catalogue: { papers: [], digests: [] }, states: {} }, after);
    expect(findPaper(restored.catalogue, chapterId).id).toBe(bookId);
    // A backup from before the merge joins the kept paper: its papers are the same two works.
    const older = mergeLibrary(after, before);
    expect(older.catalogue.papers).toHaveLength(2);
    expect(older.summary.added).toEqual([]);
  });
});

describe('unmergePapers', () => {
  it('puts both papers back as they were, in their places', () => {
    const { library: before, bookId, chapterId } = library();
    const change = mergePapers(before, bookId, chapterId, LATEST);
    const after = applied(before, change);
    const undo = JSON.parse(JSON.stringify(change.result.undo)) as typeof change.result.undo;
    const undone = unmergePapers(after, undo, LATEST);
    const restored = applied(after, undone);
    expect(restored.catalogue).toEqual(JSON.parse(JSON.stringify(before.catalogue)));
    const content = ({ status, tags, note, readAt }: ReadingState) => ({ status, tags, note, readAt });
    expect(content(restored.states[bookId] as ReadingState)).toEqual(content(before.states[bookId] as ReadingState));
    expect(restored.states[chapterId]).toEqual(before.states[chapterId]);
    expect(undone.result.map((paper) => [paper.id, paper.note])).toEqual([
      [bookId, 'The book.'],
      [chapterId, 'The chapter.'],
    ]);
    expect(possibleDuplicates(restored.catalogue)).toHaveLength(1);
  });

  it("gives the kept paper the other's facts where they do not clash, and takes them back on undo", () => {
    const bookFacts = { type: 'book', publisher: 'Oxford University Press' };
    const chapterFacts = { type: 'incollection', venue: 'Psychology of Learning and Motivation', pages: '47–89' };
    const catalogue = mergeDigest(
      { papers: [], digests: [] },
      parsedDigest([
        { ...book, facts: bookFacts },
        { ...chapter, facts: { ...chapterFacts, hfUpvotes: 2 } },
      ]),
      'a.bib',
      NOW,
    ).catalogue;
    const before = { catalogue, states: emptyStateMap() };
    const change = mergePapers(before, titleId(book.title), workId(chapter), LATEST);
    // A book is not the chapter: its publication stays the book's; what does not clash is taken.
    expect(change.result.paper.facts).toEqual({ ...bookFacts, hfUpvotes: 2 });
    const undone = applied(applied(before, change), unmergePapers(applied(before, change), change.result.undo, LATEST));
    expect(undone.catalogue).toEqual(JSON.parse(JSON.stringify(catalogue)));
  });

  it('keeps what the kept paper gained since the merge', () => {
    const { library: before, bookId, chapterId } = library();
    const change = mergePapers(before, bookId, chapterId, LATEST);
    const after = applied(before, change);
    const edited = { ...(after.states[bookId] as ReadingState), note: 'Rewritten after the merge.' };
    const undone = unmergePapers(
      { ...after, states: { ...after.states, [bookId]: edited } },
      change.result.undo,
      LATEST,
    );
    expect(undone.states[bookId]).toBeUndefined();
    expect(undone.result[0]?.note).toBe('Rewritten after the merge.');
    expect(undone.result[1]?.note).toBe('The chapter.');
  });

  it('refuses when there is no such merge', () => {
    const { library: before, bookId, chapterId } = library();
    const change = mergePapers(before, bookId, chapterId, LATEST);
    const after = applied(before, change);
    const undone = applied(after, unmergePapers(after, change.result.undo, LATEST));
    expect(() => unmergePapers(undone, change.result.undo, LATEST)).toThrow(
      `${chapterId} is not merged into ${bookId}: there is no merge to undo.`,
    );
    const gone = { ...after, catalogue: { ...after.catalogue, papers: [] } };
    expect(() => unmergePapers(gone, change.result.undo, LATEST)).toThrow(/No paper has the id/);
  });
});
