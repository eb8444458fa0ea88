/**
 * What a device writes for a change made through the library as Shelfmark knows it (a ReadingState changed, a
 * catalogue after an import): the changes (ops.ts) and imports (catalogue-fold.ts) that say it, each stamped, each
 * saying what its writer had seen. This is the seam between the store, which keeps calling core's pure changes
 * (core/reading.ts, core/merge.ts, core/digest-date.ts), and the synced files. Pure.
 */

import { canonicalJson, compareCodePoints } from './canonical-json.js';
import { dotOf, emptySeen, joinSeen, type DeviceId, type Register, type Seen } from './causal-register.js';
import type { ImportOp } from './catalogue-fold.js';
import { stampBefore, tick, type Hlc, type Stamp } from './hlc.js';
import { buildLibrary, type SyncedLibrary } from './library.js';
import { stateOfOps, type KeptNote, type SyncOp } from './ops.js';
import { tagKey, type PaperRegisters, type StatusValue, type TagValue } from './paper-registers.js';
import { joinStates, mergeKey, paperRefKey, type PaperRef, type RemovedEntry } from './sync-state.js';
import {
  readingStateOf,
  withAliases,
  type Catalogue,
  type CataloguePaper,
  type Digest,
  type ReadingState,
  type ReadingStateMap,
} from '../model.js';
import { paperSchema } from '../record-schema.js';

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
  const origin = library.fold.originOf(id);
  return origin !== undefined ? { origin, id } : (library.fold.recordRef(id) ?? { origin: '', id });
}

/** The changes that take each paper of `changed` from its state in `library` to the state given. */
export function opsForStates(
  library: SyncedLibrary,
  writer: Writer,
  changed: ReadingStateMap,
  noteBases: ReadonlyMap<string, string> = new Map(),
): Recorded<readonly SyncOp[]> {
  const stamps = new Stamps(writer);
  const ops: SyncOp[] = [];
  for (const [id, after] of Object.entries(changed)) {
    const before = readingStateOf(library.states, id);
    ops.push(...paperOps(library, writer.device, stamps, id, before, after, noteBases.get(id)));
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
  noteBasis: string | undefined,
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
  if ((before?.note ?? '') !== after.note) {
    ops.push(noteEdit(mine.note, all.note, device, stamps, paper, after.note, noteBasis));
  }
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
 * An edit of the note shown. It supersedes that note, never a conflict beside it, unless its writer made it on
 * another text (`basis`: the note as the writer last had it, where it says): then the note shown, when it stands
 * alone, written meanwhile by another process or computer, is kept beside the edit as a version of its own, not lost
 * unseen. Under its own name, a conflict of a device whose `seen` can be set just before it is left standing; one
 * that cannot (of this device, of the shown note's device, or beside a version of its device with the shown text)
 * is carried forward, stamped before the edit. Under the paper's other names, the versions with the shown text are
 * superseded by name, the others left standing.
 */
function noteEdit(
  mine: Register<string> | undefined,
  all: Register<string> | undefined,
  device: DeviceId,
  stamps: Stamps,
  paper: PaperRef,
  text: string,
  basis?: string,
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
  // Only over a note that stands alone: versions written apart are shown beside the note already, and kept as above.
  if (basis !== undefined && all?.versions.length === 1 && shown !== undefined && shown.value !== basis) {
    carried.add(shown.value);
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
  /** Merges and their undoing, removals, and the days (and titles) of digests redated. */
  readonly ops: readonly SyncOp[];
}

/** Every version of a paper's reading state, by name (`<stamp>@<device>`), sorted. */
function versionsOf(registers: PaperRegisters | undefined): string[] {
  if (registers === undefined) return [];
  const all = [registers.status, registers.note, ...(registers.tags?.values() ?? [])];
  const dots = new Set(all.flatMap((register) => (register?.versions ?? []).map(dotOf)));
  return [...dots].sort(compareCodePoints);
}

/**
 * What `after` does to the papers of `library` that no import can say: papers merged into another (gone, their id now
 * an alias of a paper that had not had it: core/paper-merge.ts mergePapers), merges undone (back, their id no longer
 * an alias of the paper that had it: unmergePapers), and papers and digests gone otherwise (a restore).
 */
function structureOps(
  library: SyncedLibrary,
  device: DeviceId,
  stamps: Stamps,
  after: Catalogue,
  [beforeById, afterIds]: readonly [ReadonlyMap<string, CataloguePaper>, ReadonlyMap<string, CataloguePaper>],
): SyncOp[] {
  const before = library.catalogue;
  const gained = new Map<string, string>();
  const lost = new Map<string, string>();
  let stayed = 0;
  for (const paper of after.papers) {
    const old = beforeById.get(paper.id);
    if (old !== undefined) stayed += 1;
    if (old === undefined || old === paper || old.aliases === paper.aliases) continue;
    const [had, has] = [new Set(old.aliases ?? []), new Set(paper.aliases ?? [])];
    for (const alias of has) if (!had.has(alias)) gained.set(alias, paper.id);
    for (const alias of had) if (!has.has(alias)) lost.set(alias, paper.id);
  }
  const ops: SyncOp[] = [];
  const removed: RemovedEntry[] = [];
  // Every paper there still (the common case, an import): none gone.
  for (const paper of stayed === before.papers.length ? [] : before.papers) {
    if (afterIds.has(paper.id)) continue;
    const kept = gained.get(paper.id);
    if (kept !== undefined) {
      const [keptRef, mergedRef] = [refOf(library, kept), refOf(library, paper.id)];
      const register = library.state.merges?.get(mergeKey(keptRef, mergedRef))?.register;
      const value = { merged: true, saw: versionsOf(library.registers.get(paper.id)) };
      ops.push({
        kind: 'merge',
        stamp: stamps.next(),
        device,
        kept: keptRef,
        merged: mergedRef,
        value,
        seen: seenOf(register),
      });
      continue;
    }
    // Every record of the paper, and of the papers merged into it, goes.
    for (const id of [paper.id, ...library.structure.mergedInto(paper.id)]) {
      for (const ref of library.fold.refsOf(id)) removed.push({ kind: 'paper', origin: ref.origin, id: ref.id });
    }
  }
  for (const paper of after.papers) {
    if (beforeById.has(paper.id) || !lost.has(paper.id)) continue;
    // Every merge of it that stands is undone; a paper merged before the library was synced comes back by import.
    for (const entry of library.state.merges?.values() ?? []) {
      if (!entry.register.versions.some((version) => version.value.merged)) continue;
      if (library.fold.resolve(entry.merged) !== paper.id) continue;
      const value = { merged: false, saw: [] };
      ops.push({
        kind: 'merge',
        stamp: stamps.next(),
        device,
        kept: entry.kept,
        merged: entry.merged,
        value,
        seen: entry.register.seen,
      });
    }
  }
  const digestsAfter = new Set(after.digests.map((digest) => digest.id));
  for (const digest of before.digests) {
    if (digestsAfter.has(digest.id)) continue;
    for (const origin of library.fold.digestOrigins(digest.id)) removed.push({ kind: 'digest', origin, id: digest.id });
  }
  if (removed.length > 0) ops.push({ kind: 'remove', stamp: stamps.next(), device, seen: NO_SEEN, entries: removed });
  return ops;
}

type Fields = Readonly<Record<string, unknown>>;

function sameJson(a: unknown, b: unknown): boolean {
  return a === b || canonicalJson(a) === canonicalJson(b);
}

/**
 * The record an import gives of a paper other papers are merged into: its record as the imports made it, with what
 * this change gave it, but nothing the merges gave it (their aliases, the merged papers' fields), which they give it
 * again for as long as they stand: so that undoing a merge takes it all back.
 */
/** `base` with what `after` has that `before` had not: the items a change added to a list. */
function withAdded(base: unknown, before: readonly unknown[], after: readonly unknown[]): unknown[] {
  const kept: unknown[] = Array.isArray(base) ? [...(base as readonly unknown[])] : [];
  for (const item of after) if (!before.includes(item) && !kept.includes(item)) kept.push(item);
  return kept;
}

function recordToImport(base: CataloguePaper, current: CataloguePaper, after: CataloguePaper): CataloguePaper {
  const record: Record<string, unknown> = { ...base };
  const [was, had, now] = [current, base, after] as unknown as [Fields, Fields, Fields];
  for (const key of Object.keys(after)) {
    const [before, value, original] = [was[key], now[key], had[key]];
    if (sameJson(before, value)) continue;
    record[key] = Array.isArray(before) && Array.isArray(value) ? withAdded(original, before, value) : value;
  }
  const paper = record as unknown as CataloguePaper;
  // An alias list is never empty (core/model.ts withAliases); and a record made here is checked as one read is.
  const made = withAliases(paper, paper.aliases ?? []);
  if (!paperSchema.safeParse(made).success) throw new TypeError(`The record of ${after.id} to save is not valid.`);
  return made;
}

/** The papers by id: made without a pair per paper (an import of 100,000 papers makes this of them all). */
function papersById(papers: readonly CataloguePaper[]): Map<string, CataloguePaper> {
  const byId = new Map<string, CataloguePaper>();
  for (const paper of papers) byId.set(paper.id, paper);
  return byId;
}

/**
 * What takes the catalogue of `library` to `after`: merges, their undoing and removals (structureOps); an import of
 * every paper new or changed and every digest new or with new papers, each with the records of all its papers; and a
 * change of day for each digest redated.
 */
export function catalogueChange(library: SyncedLibrary, writer: Writer, after: Catalogue): Recorded<CatalogueChange> {
  const stamps = new Stamps(writer);
  const before = library.catalogue;
  const papersBefore = papersById(before.papers);
  const afterById = papersById(after.papers);
  const ops = structureOps(library, writer.device, stamps, after, [papersBefore, afterById]);
  // What the import must add to: the library as those changes leave it.
  const changed = ops.length === 0 ? library : buildLibrary(joinStates([library.state, stateOfOps(ops)]), library.fold);
  // What this change did: papers and digests not as the library had them, and not as those changes leave them.
  const expected = changed.catalogue;
  const papersExpected = changed === library ? papersBefore : papersById(expected.papers);
  const digestsBefore = new Map(before.digests.map((digest) => [digest.id, digest]));
  const digestsExpected =
    changed === library ? digestsBefore : new Map(expected.digests.map((digest) => [digest.id, digest]));
  const records = new Map<string, CataloguePaper>();
  const changedRecord = (old: CataloguePaper | undefined, paper: CataloguePaper): boolean =>
    old !== paper && (old === undefined || !sameJson(old, paper));
  for (const paper of after.papers) {
    if (!changedRecord(papersBefore.get(paper.id), paper)) continue;
    if (changed === library || changedRecord(papersExpected.get(paper.id), paper)) records.set(paper.id, paper);
  }
  const changedList = (old: Digest | undefined, digest: Digest): boolean =>
    old === undefined ||
    old.paperIds.length !== digest.paperIds.length ||
    old.paperIds.some((id, at) => digest.paperIds[at] !== id);
  const digests = after.digests.filter(
    (digest) =>
      changedList(digestsBefore.get(digest.id), digest) && changedList(digestsExpected.get(digest.id), digest),
  );
  for (const digest of digests) {
    for (const id of digest.paperIds) {
      const paper = afterById.get(id);
      if (paper !== undefined) records.set(id, paper);
    }
  }
  const structure = changed.structure;
  const imported: ImportOp | null =
    records.size === 0 && digests.length === 0
      ? null
      : {
          stamp: stamps.next(),
          device: writer.device,
          papers: after.papers
            .filter((paper) => records.has(paper.id))
            .map((paper) => {
              const current = papersExpected.get(paper.id);
              const base = structure.mergedInto(paper.id).length > 0 ? structure.baseRecord(paper.id) : undefined;
              return current !== undefined && base !== undefined ? recordToImport(base, current, paper) : paper;
            }),
          digests,
        };
  for (const digest of after.digests) {
    const old = digestsExpected.get(digest.id);
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
