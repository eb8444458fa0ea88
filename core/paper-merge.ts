/**
 * Merging two papers the user says are one work, and undoing it. The kept paper takes the richer of both records,
 * both notes, every tag, the furthest status and every digest; the other's id becomes an alias of it, so that it
 * still finds the kept paper. Its reading state is left where it was, under its own id: nothing it held is lost.
 * Pure.
 */

import { sameItems, union } from './arrays.js';
import { InvalidInputError, NotFoundError } from './errors.js';
import { workId } from './identity.js';
import type { LibrarySnapshot } from './import/types.js';
import { findPaper } from './lookup.js';
import {
  DEFAULT_READING_STATE,
  emptyStateMap,
  readingStateOf,
  withAliases,
  withFacts,
  withReadingState,
  type Catalogue,
  type CataloguePaper,
  type Digest,
  type Paper,
  type ReadingState,
  type ReadingStateMap,
  type ReadingStatus,
} from './model.js';
import { mergeFacts, sameFacts } from './paper-facts.js';
import { addTags, MAX_NOTE_LENGTH, restoreState } from './reading.js';

/** A paper as it was before a merge: its record and its reading state (null: it had none). */
interface MergeSide {
  readonly record: CataloguePaper;
  readonly state: ReadingState | null;
}

/** A digest that listed the merged paper: at which place, and whether the kept paper took that place. */
export interface MergedDigestPlace {
  readonly id: string;
  readonly index: number;
  /** False when the digest listed the kept paper too, and the merged paper's place was removed. */
  readonly replaced: boolean;
}

/** What `unmergePapers` needs to put both papers back. */
export interface PaperMergeUndo {
  readonly kept: MergeSide;
  readonly merged: MergeSide;
  /** Where the merged paper stood in the library's order. */
  readonly position: number;
  readonly digests: readonly MergedDigestPlace[];
}

export interface PaperMerge {
  /** The kept paper, as it is after the merge. */
  readonly paper: Paper;
  readonly undo: PaperMergeUndo;
}

/** What a merge or its undo changes in the library. */
export interface MergeChange<T> {
  readonly catalogue: Catalogue;
  readonly states: ReadingStateMap;
  readonly result: T;
}

/** A decision beats none, and reading a paper beats having dismissed it. */
const STATUS_RANK: Readonly<Record<ReadingStatus, number>> = { unread: 0, dismissed: 1, reading: 2, read: 3 };

/** The kept record with the richer of each field of both. */
export function mergedRecord(kept: CataloguePaper, merged: CataloguePaper, aliases: readonly string[]): CataloguePaper {
  const record: CataloguePaper = withFacts(
    {
      ...kept,
      abstract: merged.abstract.length > kept.abstract.length ? merged.abstract : kept.abstract,
      authors: merged.authors.length > kept.authors.length ? merged.authors : kept.authors,
      arxivId: kept.arxivId ?? merged.arxivId,
      doi: kept.doi ?? merged.doi,
      year: kept.year ?? merged.year,
      links: union(kept.links, merged.links),
      categories: union(kept.categories, merged.categories),
      digests: union(kept.digests, merged.digests),
      addedAt: merged.addedAt < kept.addedAt ? merged.addedAt : kept.addedAt,
    },
    mergeFacts(kept.facts, merged.facts, 'stored'),
  );
  return withAliases(record, union(kept.aliases ?? [], aliases));
}

/** The ids the merged paper gives the kept one: its own, its aliases, and its workId where no paper has it. */
export function aliasesFrom(merged: CataloguePaper, taken: (id: string) => boolean): readonly string[] {
  const key = workId(merged);
  return [merged.id, ...(merged.aliases ?? []), ...(taken(key) ? [] : [key])];
}

function noteHeader(merged: CataloguePaper): string {
  return `\n\n---\n\nThe note of ${merged.id} ("${merged.title}"), merged into this paper:\n\n`;
}

/**
 * Both states in one: the furthest status, every tag, both notes (the other's after a line naming it); still
 * unread, the later of their snoozes.
 */
function mergedState(
  kept: ReadingState | null,
  merged: ReadingState | null,
  mergedPaper: CataloguePaper,
  now: string,
): ReadingState | null {
  if (merged === null) return kept;
  if (kept === null) return { ...merged, updatedAt: now };
  const status = STATUS_RANK[merged.status] > STATUS_RANK[kept.status] ? merged.status : kept.status;
  const readAt = status !== 'read' ? null : kept.status === 'read' ? kept.readAt : merged.readAt;
  const note =
    merged.note === '' ? kept.note : kept.note === '' ? merged.note : kept.note + noteHeader(mergedPaper) + merged.note;
  const tags = addTags(kept, merged.tags, now)?.tags ?? kept.tags;
  const state: ReadingState = { status, tags, note, readAt, updatedAt: now };
  const snoozes = [kept, merged].flatMap((side) => (side.snoozedUntil === undefined ? [] : [side.snoozedUntil]));
  const snoozedUntil = snoozes.sort().at(-1);
  return status !== 'unread' || snoozedUntil === undefined ? state : { ...state, snoozedUntil };
}

function sameContent(a: Omit<ReadingState, 'updatedAt'>, b: Omit<ReadingState, 'updatedAt'>): boolean {
  return (
    a.status === b.status &&
    a.note === b.note &&
    a.readAt === b.readAt &&
    a.snoozedUntil === b.snoozedUntil &&
    sameItems(a.tags, b.tags)
  );
}

/**
 * The digest once the paper `mergedId` is merged into `keptId`: the kept paper in the merged one's place, or that
 * place gone when the digest lists the kept paper too. Null when the digest does not list the merged paper.
 */
export function digestAfterMerge(
  digest: Digest,
  keptId: string,
  mergedId: string,
): { readonly digest: Digest; readonly place: MergedDigestPlace } | null {
  const index = digest.paperIds.indexOf(mergedId);
  if (index < 0) return null;
  const replaced = !digest.paperIds.includes(keptId);
  const paperIds = replaced
    ? digest.paperIds.map((id) => (id === mergedId ? keptId : id))
    : digest.paperIds.filter((id) => id !== mergedId);
  return { digest: { ...digest, paperIds }, place: { id: digest.id, index, replaced } };
}

/** Merges the paper `mergeRef` names into the one `keepRef` names. */
export function mergePapers(
  library: LibrarySnapshot,
  keepRef: string,
  mergeRef: string,
  now: string,
): MergeChange<PaperMerge> {
  const { catalogue, states } = library;
  const kept = findPaper(catalogue, keepRef);
  const merged = findPaper(catalogue, mergeRef);
  if (kept.id === merged.id) {
    throw new InvalidInputError(`"${keepRef}" and "${mergeRef}" are the same paper (${kept.id}).`);
  }
  const keptState = readingStateOf(states, kept.id) ?? null;
  const mergedStateBefore = readingStateOf(states, merged.id) ?? null;
  const state = mergedState(keptState, mergedStateBefore, merged, now);
  if (state !== null && state.note.length > MAX_NOTE_LENGTH) {
    throw new InvalidInputError(
      `The two notes together are ${state.note.length.toLocaleString('en')} characters long; a note can be at most ${MAX_NOTE_LENGTH.toLocaleString('en')}. Shorten one before merging.`,
    );
  }

  const ids = new Set(catalogue.papers.flatMap((paper) => [paper.id, ...(paper.aliases ?? [])]));
  const record = mergedRecord(
    kept,
    merged,
    aliasesFrom(merged, (id) => ids.has(id)),
  );
  const position = catalogue.papers.findIndex((paper) => paper.id === merged.id);
  const papers = catalogue.papers.flatMap((paper) =>
    paper.id === kept.id ? [record] : paper.id === merged.id ? [] : [paper],
  );

  const places: MergedDigestPlace[] = [];
  const digests = catalogue.digests.map((digest): Digest => {
    const after = digestAfterMerge(digest, kept.id, merged.id);
    if (after === null) return digest;
    places.push(after.place);
    return after.digest;
  });

  const changed = emptyStateMap();
  if (state !== null && state !== keptState) changed[kept.id] = state;
  return {
    catalogue: { papers, digests },
    states: changed,
    result: {
      paper: withReadingState(record, state ?? undefined),
      undo: {
        kept: { record: kept, state: keptState },
        merged: { record: merged, state: mergedStateBefore },
        position,
        digests: places,
      },
    },
  };
}

/** A list as it was before a merge added `added` to it, keeping what came after the merge. */
function withoutAdded<T>(current: readonly T[], before: readonly T[], added: readonly T[]): readonly T[] {
  const had = new Set(before);
  const gained = new Set(added.filter((item) => !had.has(item)));
  return gained.size === 0 ? current : current.filter((item) => !gained.has(item));
}

/** The field as it was before the merge, unless it has changed since. */
function revert<T>(current: T, after: T, before: T): T {
  return current === after ? before : current;
}

/** The list as it was before the merge, unless it has changed since (records come back as copies: by item). */
function revertList<T>(current: readonly T[], after: readonly T[], before: readonly T[]): readonly T[] {
  return sameItems(current, after) ? before : current;
}

/** The kept record as it was before the merge, with what came to it since kept. */
function unmergedRecord(current: CataloguePaper, undo: PaperMergeUndo): CataloguePaper {
  const before = undo.kept.record;
  const merged = undo.merged.record;
  const after = mergedRecord(before, merged, []);
  const record: CataloguePaper = withFacts(
    {
      ...current,
      abstract: revert(current.abstract, after.abstract, before.abstract),
      authors: revertList(current.authors, after.authors, before.authors),
      arxivId: revert(current.arxivId, after.arxivId, before.arxivId),
      doi: revert(current.doi, after.doi, before.doi),
      year: revert(current.year, after.year, before.year),
      addedAt: revert(current.addedAt, after.addedAt, before.addedAt),
      links: withoutAdded(current.links, before.links, merged.links),
      categories: withoutAdded(current.categories, before.categories, merged.categories),
      digests: withoutAdded(current.digests, before.digests, merged.digests),
    },
    sameFacts(current.facts, after.facts) ? before.facts : current.facts,
  );
  return withAliases(
    record,
    withoutAdded(
      current.aliases ?? [],
      before.aliases ?? [],
      aliasesFrom(merged, () => false),
    ),
  );
}

function unmergedDigest(digest: Digest, place: MergedDigestPlace, keptId: string, mergedId: string): Digest {
  if (digest.paperIds.includes(mergedId)) return digest;
  if (place.replaced) {
    return { ...digest, paperIds: digest.paperIds.map((id) => (id === keptId ? mergedId : id)) };
  }
  const paperIds = [...digest.paperIds];
  paperIds.splice(Math.min(place.index, paperIds.length), 0, mergedId);
  return { ...digest, paperIds };
}

/**
 * Puts two merged papers back as they were. What the kept paper gained since the merge (a digest, a status, a
 * line of its note) stays with it; its reading state goes back only if it has not changed since.
 */
export function unmergePapers(library: LibrarySnapshot, undo: PaperMergeUndo, now: string): MergeChange<Paper[]> {
  const { catalogue, states } = library;
  const keptId = undo.kept.record.id;
  const mergedId = undo.merged.record.id;
  const current = catalogue.papers.find((paper) => paper.id === keptId);
  if (current === undefined) {
    throw new NotFoundError(`No paper has the id "${keptId}" any more, so its merge cannot be undone.`);
  }
  if (!(current.aliases ?? []).includes(mergedId) || catalogue.papers.some((paper) => paper.id === mergedId)) {
    throw new InvalidInputError(`${mergedId} is not merged into ${keptId}: there is no merge to undo.`);
  }

  const kept = unmergedRecord(current, undo);
  const papers = catalogue.papers.map((paper) => (paper.id === keptId ? kept : paper));
  papers.splice(Math.min(undo.position, papers.length), 0, undo.merged.record);
  const places = new Map(undo.digests.map((place) => [place.id, place]));
  const digests = catalogue.digests.map((digest) => {
    const place = places.get(digest.id);
    return place === undefined ? digest : unmergedDigest(digest, place, keptId, mergedId);
  });

  const changed = emptyStateMap();
  const keptNow = readingStateOf(states, keptId);
  const keptAfter = mergedState(undo.kept.state, undo.merged.state, undo.merged.record, now);
  if (keptNow !== undefined && keptAfter !== null && sameContent(keptNow, keptAfter)) {
    const restored = restoreState(keptNow, undo.kept.state ?? DEFAULT_READING_STATE, now);
    if (restored !== undefined && restored !== keptNow) changed[keptId] = restored;
  }
  const mergedNow = readingStateOf(states, mergedId);
  if (undo.merged.state !== null) {
    const restored = restoreState(mergedNow, undo.merged.state, now);
    if (restored !== undefined && restored !== mergedNow) changed[mergedId] = restored;
  }

  const stateOf = (id: string): ReadingState | undefined => readingStateOf(changed, id) ?? readingStateOf(states, id);
  return {
    catalogue: { papers, digests },
    states: changed,
    result: [withReadingState(kept, stateOf(keptId)), withReadingState(undo.merged.record, stateOf(mergedId))],
  };
}
