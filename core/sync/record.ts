/**
 * What a device writes for a change made through the library as Shelfmark knows it (a ReadingState changed, a
 * catalogue after an import): the changes (ops.ts) and imports (catalogue-fold.ts) that say it, each stamped, each
 * saying what its writer had seen. This is the seam between the store, which keeps calling core's pure changes
 * (core/reading.ts, core/merge.ts, core/digest-date.ts), and the synced files. Pure.
 */

import { dotOf, emptySeen, joinSeen, type DeviceId, type Register, type Seen } from './causal-register.js';
import type { ImportOp } from './catalogue-fold.js';
import { stampBefore, tick, type Hlc, type Stamp } from './hlc.js';
import type { SyncedLibrary } from './library.js';
import type { KeptNote, SyncOp } from './ops.js';
import { tagKey, type PaperRegisters, type StatusValue, type TagValue } from './paper-registers.js';
import { paperRefKey, type PaperRef } from './sync-state.js';
import {
  readingStateOf,
  type Catalogue,
  type CataloguePaper,
  type ReadingState,
  type ReadingStateMap,
} from '../model.js';

/** The device writing, its clock, and the wall clock now (milliseconds). */
export interface Writer {
  readonly device: DeviceId;
  readonly clock: Hlc;
  readonly now: number;
}

export interface Recorded<T> {
  /** The writer's clock after the stamps given. */
  readonly clock: Hlc;
  readonly value: T;
}

/** Gives stamps from the writer's clock, one after another. */
class Stamps {
  clock: Hlc;
  constructor(private readonly writer: Writer) {
    this.clock = writer.clock;
  }
  next(): Stamp {
    const { clock, stamp } = tick(this.clock, this.writer.now);
    this.clock = clock;
    return stamp;
  }
}

const NO_SEEN: Seen = emptySeen();

function seenOf(register: Register<unknown> | undefined): Seen {
  return register?.seen ?? NO_SEEN;
}

/** The paper `id` as a change on this device names it. */
function refOf(library: SyncedLibrary, id: string): PaperRef {
  return { origin: library.fold.originOf(id) ?? '', id };
}

/** The changes that take each paper of `changed` from its state in `library` to the state given. */
export function opsForStates(
  library: SyncedLibrary,
  writer: Writer,
  changed: ReadingStateMap,
): Recorded<readonly SyncOp[]> {
  const stamps = new Stamps(writer);
  const ops: SyncOp[] = [];
  for (const [id, after] of Object.entries(changed)) {
    ops.push(...paperOps(library, writer.device, stamps, id, readingStateOf(library.states, id), after));
  }
  return { clock: stamps.clock, value: ops };
}

/** The versions of `all` (a paper's register under every name) that are not of `mine` (this change's name). */
function otherNames<T>(
  all: Register<T> | undefined,
  mine: Register<T> | undefined,
  which = (_: T): boolean => true,
): string[] {
  const own = new Set((mine?.versions ?? []).map(dotOf));
  return (all?.versions ?? []).filter((version) => !own.has(dotOf(version)) && which(version.value)).map(dotOf);
}

function killing(dots: readonly string[]): { readonly kills?: readonly string[] } {
  return dots.length === 0 ? {} : { kills: dots };
}

function paperOps(
  library: SyncedLibrary,
  device: DeviceId,
  stamps: Stamps,
  id: string,
  before: ReadingState | undefined,
  after: ReadingState,
): SyncOp[] {
  const paper = refOf(library, id);
  // `seen` is of this change's own name; what it saw under the paper's other names it supersedes by name.
  const mine = library.state.papers.get(paperRefKey(paper))?.registers ?? {};
  const all = library.registers.get(id) ?? {};
  const ops: SyncOp[] = [];
  if (
    (before?.status ?? 'unread') !== after.status ||
    (before?.readAt ?? null) !== after.readAt ||
    before?.snoozedUntil !== after.snoozedUntil
  ) {
    const value = statusValueOf(after);
    const kills = killing(otherNames(all.status, mine.status));
    ops.push({ kind: 'status', stamp: stamps.next(), device, paper, value, seen: seenOf(mine.status), ...kills });
  }
  const tagsOf = (registers: PaperRegisters, key: string): Register<TagValue> | undefined => registers.tags?.get(key);
  const beforeTags = before?.tags ?? [];
  const afterKeys = new Set(after.tags.map(tagKey));
  const removed = new Set(beforeTags.map(tagKey).filter((key) => !afterKeys.has(key)));
  for (const key of removed) {
    const [seen, kills] = [seenOf(tagsOf(mine, key)), killing(otherNames(tagsOf(all, key), tagsOf(mine, key)))];
    ops.push({ kind: 'untag', stamp: stamps.next(), device, paper, tag: key, seen, ...kills });
  }
  const spelled = new Map(beforeTags.map((tag) => [tagKey(tag), tag]));
  after.tags.forEach((spelling, position) => {
    const key = tagKey(spelling);
    if (spelled.get(key) === spelling) return;
    const stamp = stamps.next();
    // A tag renamed in place (core/reading.ts renameTag) keeps the place of the tag it replaces.
    const replaced = beforeTags[position];
    const place = spelled.has(key)
      ? key
      : replaced !== undefined && removed.has(tagKey(replaced))
        ? tagKey(replaced)
        : null;
    const since = (place === null ? undefined : firstAdded(tagsOf(all, place))) ?? stamp;
    const [seen, kills] = [seenOf(tagsOf(mine, key)), killing(otherNames(tagsOf(all, key), tagsOf(mine, key)))];
    ops.push({ kind: 'tag', stamp, device, paper, value: { spelling, since }, seen, ...kills });
  });
  if ((before?.note ?? '') !== after.note) ops.push(noteEdit(mine.note, all.note, device, stamps, paper, after.note));
  return ops;
}

function statusValueOf(state: ReadingState): StatusValue {
  const value = { status: state.status, readAt: state.readAt };
  return state.snoozedUntil === undefined ? value : { ...value, snoozedUntil: state.snoozedUntil };
}

function firstAdded(register: Register<TagValue> | undefined): Stamp | undefined {
  let first: Stamp | undefined;
  for (const version of register?.versions ?? []) {
    if (first === undefined || version.value.since < first) first = version.value.since;
  }
  return first;
}

/**
 * An edit of the note shown. It supersedes that note, never a conflict beside it. Under its own name, a conflict of
 * a device whose `seen` can be set just before it is left standing; one that cannot (of this device, of the shown
 * note's device, or beside a version of its device with the shown text) is carried forward, stamped before the edit.
 * Under the paper's other names, the versions with the shown text are superseded by name, the others left standing.
 */
function noteEdit(
  mine: Register<string> | undefined,
  all: Register<string> | undefined,
  device: DeviceId,
  stamps: Stamps,
  paper: PaperRef,
  text: string,
): SyncOp {
  const shown = all?.versions.at(-1);
  const shownHere = shown !== undefined && (mine?.versions.some((version) => dotOf(version) === dotOf(shown)) ?? false);
  const seen = new Map(Object.entries(seenOf(mine)));
  const carried = new Set<string>();
  for (const other of new Set((mine?.versions ?? []).map((version) => version.device))) {
    const versions = mine?.versions.filter((version) => version.device === other) ?? [];
    const standing = versions.filter((version) => version.value !== shown?.value);
    const [first] = standing;
    if (first === undefined) continue;
    const spared = other !== device && !(shownHere && other === shown.device) && standing.length === versions.length;
    if (!spared) for (const version of standing) carried.add(version.value);
    else {
      const before = stampBefore(first.stamp);
      if (before === null) seen.delete(other);
      else seen.set(other, before);
    }
  }
  const kept: KeptNote[] = [];
  for (const carriedText of carried) if (carriedText !== text) kept.push({ stamp: stamps.next(), text: carriedText });
  const kills = killing(otherNames(all, mine, (value) => value === shown?.value));
  const written = joinSeen(Object.fromEntries(seen), NO_SEEN);
  return { kind: 'note', stamp: stamps.next(), device, paper, text, kept, seen: written, ...kills };
}

/** Resolves the note's conflicts in one change: `text` is the note, every version shown is superseded. */
export function resolveNote(library: SyncedLibrary, writer: Writer, id: string, text: string): Recorded<SyncOp> {
  const stamps = new Stamps(writer);
  const paper = refOf(library, id);
  const mine = library.state.papers.get(paperRefKey(paper))?.registers.note;
  const kills = killing(otherNames(library.registers.get(id)?.note, mine));
  const device = writer.device;
  const op: SyncOp = { kind: 'resolve-note', stamp: stamps.next(), device, paper, text, seen: seenOf(mine), ...kills };
  return { clock: stamps.clock, value: op };
}

export interface CatalogueChange {
  /** The papers new or changed, and every paper of a digest new or changed; null when none. */
  readonly import: ImportOp | null;
  /** The days (and titles) of digests redated. */
  readonly ops: readonly SyncOp[];
}

/**
 * What takes the catalogue of `library` to `after` (an import's, or a digest redated): an import of every paper
 * new or changed and every digest new or with new papers, each with the records of all its papers; and a change of
 * day for each digest redated.
 */
export function catalogueChange(library: SyncedLibrary, writer: Writer, after: Catalogue): Recorded<CatalogueChange> {
  const stamps = new Stamps(writer);
  const before = library.catalogue;
  const papersBefore = new Map(before.papers.map((paper) => [paper.id, paper]));
  const digestsBefore = new Map(before.digests.map((digest) => [digest.id, digest]));
  const afterById = new Map(after.papers.map((paper) => [paper.id, paper]));
  const records = new Map<string, CataloguePaper>();
  for (const paper of after.papers) if (papersBefore.get(paper.id) !== paper) records.set(paper.id, paper);
  const digests = after.digests.filter((digest) => {
    const old = digestsBefore.get(digest.id);
    return (
      old === undefined ||
      old.paperIds.length !== digest.paperIds.length ||
      old.paperIds.some((id, at) => digest.paperIds[at] !== id)
    );
  });
  for (const digest of digests) {
    for (const id of digest.paperIds) {
      const paper = afterById.get(id);
      if (paper !== undefined) records.set(id, paper);
    }
  }
  const imported: ImportOp | null =
    records.size === 0 && digests.length === 0
      ? null
      : {
          stamp: stamps.next(),
          device: writer.device,
          papers: after.papers.filter((paper) => records.has(paper.id)),
          digests,
        };
  const ops: SyncOp[] = [];
  for (const digest of after.digests) {
    const old = digestsBefore.get(digest.id);
    if (old === undefined || digest.date === null || (old.date === digest.date && old.title === digest.title)) continue;
    ops.push({
      kind: 'digest-day',
      stamp: stamps.next(),
      device: writer.device,
      digest: digest.id,
      value: { date: digest.date, title: digest.title },
      seen: seenOf(library.days.get(digest.id)),
    });
  }
  return { clock: stamps.clock, value: { import: imported, ops } };
}
