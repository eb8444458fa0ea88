/**
 * A world of devices, each with its own copy of a library folder (paths to texts), a sync tool that copies files
 * between them as badly as real ones do (partly, out of order, as conflicted copies, with git's conflict markers,
 * lines twice), restarts, crashes mid-write, compaction, clocks that are wrong. Each device runs the pure core as
 * the store will: a Replica, changes made with core's own functions (core/reading.ts, core/merge.ts,
 * core/digest-date.ts) and recorded (record.ts). Every acknowledged change is handed to the oracle with what the
 * device had seen when it made it. Deterministic for a seed.
 */

import type { DeviceId } from '../causal-register.js';
import type { ImportOp } from '../catalogue-fold.js';
import { planCompaction } from '../compaction.js';
import { encodeChangeLine, encodeImportDocument } from '../device-documents.js';
import { classifyPath, devicePath, importFileName, IMPORTS_FOLDER, opsFileName } from '../device-files.js';
import {
  contributionsOf,
  readDeviceFile,
  readLibraryFiles,
  type FileText,
  type LibraryFiles,
  type ReadFile,
} from '../library-files.js';
import { opId, type SyncOp } from '../ops.js';
import { parseLog, parseStateText } from '../parse-device-files.js';
import { catalogueChange, opsForStates, resolveNote, type Writer } from '../record.js';
import {
  EMPTY_JOURNAL,
  journalOf,
  openReplica,
  recordWritten,
  refreshReplica,
  type LocalJournal,
  type Replica,
} from '../replica.js';
import { conflictSides } from '../git-conflicts.js';
import { redateDigest } from '../../digest-date.js';
import { mergeDigest } from '../../merge.js';
import { InvalidInputError, NotFoundError } from '../../errors.js';
import type { LibrarySnapshot } from '../../import/types.js';
import {
  DEFAULT_READING_STATE,
  emptyStateMap,
  readingStateOf,
  type ReadingState,
  type ReadingStatus,
} from '../../model.js';
import { mergePapers, unmergePapers, type MergeChange, type PaperMergeUndo } from '../../paper-merge.js';
import { addTags, removeTags, renameTag, restoreState, setNote, setStatus } from '../../reading.js';
import type { Oracle } from './oracle.js';
import { randomDigest } from './papers.js';
import { recordChange } from './record-change.js';
import type { Prng } from './prng.js';

const TAGS = ['ml', 'ML', 'graphs', 'to-read', 'Deep-Learning', 'deep-learning', 'survey', 'later'];
const STATUSES: readonly ReadingStatus[] = ['unread', 'reading', 'read'];
const HOUR = 3_600_000;

export class SimDevice {
  files = new Map<string, string>();
  replica: Replica;
  /** How wrong its clock is, in milliseconds. */
  offset = 0;
  generation = 0;
  /** How long its current log was when it last wrote it: a log that is not is not appended to. */
  logLength = 0;
  /** What it keeps of its own outside the folder (app-data): it outlives a restart. */
  journal: LocalJournal = EMPTY_JOURNAL;
  /** The oracle's account of the changes in its view: indices of acknowledged changes. */
  seen = new Set<number>();

  constructor(
    readonly id: DeviceId,
    now: number,
  ) {
    this.replica = openReplica(id, readLibraryFiles([]), now);
  }

  fileTexts(): FileText[] {
    return [...this.files].map(([path, text]) => ({ path, text }));
  }
}

export interface WorldCounts {
  changes: number;
  imports: number;
  transfers: number;
  restarts: number;
  crashes: number;
  compactions: number;
  conflictCopies: number;
  gitConflicts: number;
  truncated: number;
  vanished: number;
  merges: number;
  unmerges: number;
  removals: number;
  restores: number;
}

/** What reading `text` at `path` gave before, or gives now. */
function remembered<T>(memory: Map<string, Map<string, T>>, path: string, text: string, read: () => T): T {
  let texts = memory.get(path);
  if (texts === undefined) {
    texts = new Map();
    memory.set(path, texts);
  }
  if (texts.has(text)) return texts.get(text) as T;
  if (texts.size > 64) texts.clear();
  const value = read();
  texts.set(text, value);
  return value;
}

export class World {
  time = Date.UTC(2024, 0, 1, 9);
  readonly devices: SimDevice[];
  readonly counts: WorldCounts = {
    changes: 0,
    imports: 0,
    transfers: 0,
    restarts: 0,
    crashes: 0,
    compactions: 0,
    conflictCopies: 0,
    gitConflicts: 0,
    truncated: 0,
    vanished: 0,
    merges: 0,
    unmerges: 0,
    removals: 0,
    restores: 0,
  };
  /** A backup each device took, until it restores it. */
  readonly #backups = new Map<DeviceId, LibrarySnapshot>();
  /** What undoes each merge made, on any device. */
  readonly #undos: PaperMergeUndo[] = [];
  /** Files taken away for a while, with the step they come back at. */
  readonly #away: { device: SimDevice; path: string; text: string; back: number }[] = [];
  /** Snapshot texts, and the changes each holds (by the oracle's index). */
  readonly #snapshotChanges = new Map<string, readonly number[]>();
  readonly #reads = new Map<string, Map<string, ReadFile | null>>();
  readonly #changes = new Map<string, Map<string, readonly number[]>>();
  #serial = 0;
  #step = 0;

  constructor(
    readonly prng: Prng,
    readonly oracle: Oracle,
    ids: readonly DeviceId[],
  ) {
    this.devices = ids.map((id) => new SimDevice(id, this.time));
  }

  now(device: SimDevice): number {
    return this.time + device.offset;
  }

  writer(device: SimDevice): Writer {
    return { device: device.id, clock: device.replica.clock, now: this.now(device) };
  }

  step(): void {
    this.#step += 1;
    this.time += 1 + this.prng.below(90_000);
    this.#bringBack(false);
    const device = this.prng.pick(this.devices);
    const what = this.prng.weighted({
      change: 55,
      transfer: 30,
      restart: 4,
      crash: 2,
      compact: 4,
      vanish: 2,
      clock: 3,
    });
    if (what === 'change') this.change(device);
    else if (what === 'transfer')
      this.transfer(device, this.prng.pick(this.devices.filter((other) => other !== device)));
    else if (what === 'restart') this.restart(device);
    else if (what === 'crash') this.crash(device);
    else if (what === 'compact') this.compact(device);
    else if (what === 'vanish') this.vanish(device);
    else this.skewClock(device);
  }

  // ------------------------------------------------------------------------------------------------------------
  // Changes, made as the store will make them.

  change(device: SimDevice): void {
    const library = device.replica.library;
    const papers = library.catalogue.papers;
    const what =
      papers.length === 0
        ? 'import'
        : this.prng.weighted({
            import: 6,
            status: 22,
            tag: 18,
            untag: 12,
            note: 16,
            resolve: 6,
            restore: 8,
            rename: 4,
            redate: 4,
            merge: 2,
            unmerge: 2,
            remove: 1,
            backup: 2,
          });
    if (what === 'import') return this.importDigest(device);
    if (what === 'redate') return this.redate(device);
    if (what === 'resolve') return this.resolve(device);
    if (what === 'merge') return this.mergeTwo(device);
    if (what === 'unmerge') return this.unmerge(device);
    if (what === 'remove') return this.removePapers(device);
    if (what === 'backup') return this.backUpOrRestore(device);
    const chosen = this.prng.some(papers, what === 'status' || what === 'tag' ? 1 + this.prng.below(3) : 1);
    const nowIso = new Date(this.now(device)).toISOString();
    const changed = emptyStateMap();
    for (const paper of chosen) {
      const before = readingStateOf(library.states, paper.id);
      const after = this.changedState(what, before, nowIso);
      if (after !== undefined && after !== before) changed[paper.id] = after;
    }
    const recorded = opsForStates(library, this.writer(device), changed);
    this.write(device, recorded.clock, recorded.value);
  }

  changedState(what: string, before: ReadingState | undefined, now: string): ReadingState | undefined {
    const tags = before?.tags ?? [];
    switch (what) {
      case 'status':
        return setStatus(before, this.prng.pick(STATUSES), now);
      case 'tag':
        return addTags(before, this.prng.some(TAGS, 1 + this.prng.below(2)), now);
      case 'untag':
        return removeTags(
          before,
          tags.length > 0 && this.prng.chance(0.8) ? [this.prng.pick(tags)] : [this.prng.pick(TAGS)],
          now,
        );
      case 'note':
        return setNote(before, this.noteText(), now);
      case 'rename':
        return before === undefined || tags.length === 0
          ? before
          : renameTag(before, this.prng.pick(tags), this.prng.pick(TAGS), now);
      default:
        return restoreState(
          before,
          {
            status: this.prng.pick(STATUSES),
            tags: this.prng.some(TAGS, this.prng.below(3)),
            note: this.prng.chance(0.5) ? (before?.note ?? '') : this.noteText(),
            readAt: null,
          },
          now,
        );
    }
  }

  noteText(): string {
    this.#serial += 1;
    return this.prng.chance(0.1) ? '' : `note ${this.#serial}`;
  }

  resolve(device: SimDevice): void {
    const library = device.replica.library;
    const conflicted = [...library.conflicts.keys()];
    if (conflicted.length === 0) return this.change(device);
    const id = this.prng.pick(conflicted);
    const texts = [
      readingStateOf(library.states, id)?.note ?? '',
      ...(library.conflicts.get(id) ?? []).map((c) => c.text),
    ];
    const recorded = resolveNote(library, this.writer(device), id, this.prng.pick(texts));
    this.write(device, recorded.clock, [recorded.value]);
  }

  importDigest(device: SimDevice): void {
    this.#serial += 1;
    const library = device.replica.library;
    const parsed = randomDigest(this.prng, this.#serial);
    const nowIso = new Date(this.now(device)).toISOString();
    const merged = mergeDigest(library.catalogue, parsed, `digest-${this.#serial}.bib`, nowIso);
    const recorded = catalogueChange(library, this.writer(device), merged.catalogue);
    const imported = recorded.value.import;
    if (imported === null) return;
    device.files.set(
      devicePath(device.id, IMPORTS_FOLDER, importFileName(imported.stamp)),
      encodeImportDocument(imported),
    );
    this.oracle.imported(imported);
    this.counts.imports += 1;
    this.#acknowledged(device, recorded.clock, [], [], imported);
  }

  redate(device: SimDevice): void {
    const library = device.replica.library;
    if (library.catalogue.digests.length === 0) return this.importDigest(device);
    const digest = this.prng.pick(library.catalogue.digests);
    const date = `2024-02-${String(1 + this.prng.below(28)).padStart(2, '0')}`;
    const recorded = catalogueChange(library, this.writer(device), redateDigest(library.catalogue, digest.id, date));
    this.write(device, recorded.clock, recorded.value.ops);
  }

  /**
   * A change of the catalogue and states made as the store makes one: its import written, then its line; the
   * oracle told of both. Throws as `change` does (a merge refused), writing nothing.
   */
  transact<T>(device: SimDevice, change: (library: LibrarySnapshot, now: string) => MergeChange<T>): T {
    const library = device.replica.library;
    const outcome = change(
      { catalogue: library.catalogue, states: library.states },
      new Date(this.now(device)).toISOString(),
    );
    const { clock, ops, imported } = recordChange(
      device.replica,
      this.writer(device),
      outcome.catalogue,
      outcome.states,
    );
    if (imported !== null) {
      device.files.set(
        devicePath(device.id, IMPORTS_FOLDER, importFileName(imported.stamp)),
        encodeImportDocument(imported),
      );
      this.oracle.imported(imported);
      this.counts.imports += 1;
    }
    if (ops.length > 0) this.write(device, clock, ops, imported);
    else if (imported !== null) this.#acknowledged(device, clock, [], [], imported);
    return outcome.result;
  }

  /** Two papers said to be one work, as the possible-duplicates view or `shelfmark merge` does. */
  mergeTwo(device: SimDevice): void {
    const [keep, merge] = this.prng.some(device.replica.library.catalogue.papers, 2);
    if (keep === undefined || merge === undefined) return this.importDigest(device);
    try {
      const done = this.transact(device, (library, now) => mergePapers(library, keep.id, merge.id, now));
      this.counts.merges += 1;
      this.#undos.push(done.undo);
    } catch (error) {
      // Two notes too long together: refused, nothing written.
      if (!(error instanceof InvalidInputError)) throw error;
    }
  }

  /** A merge undone: its Undo, on the device that made it or on another (the undo carried over, as plain data). */
  unmerge(device: SimDevice): void {
    if (this.#undos.length === 0) return this.mergeTwo(device);
    const undo = this.prng.pick(this.#undos);
    try {
      this.transact(device, (library, now) => unmergePapers(library, undo, now));
      this.counts.unmerges += 1;
    } catch (error) {
      // Not merged as this device sees it (undone already, merged on, not arrived yet): refused, nothing written.
      if (!(error instanceof InvalidInputError || error instanceof NotFoundError)) throw error;
    }
  }

  /** Papers taken out of the catalogue, as restoring a backup that did not have them does. */
  removePapers(device: SimDevice): void {
    const chosen = this.prng.some(device.replica.library.catalogue.papers, 1 + this.prng.below(2));
    const gone = new Set(chosen.map((paper) => paper.id));
    this.transact(device, (library) => {
      const digests = library.catalogue.digests
        .map((digest) => ({ ...digest, paperIds: digest.paperIds.filter((id) => !gone.has(id)) }))
        .filter((digest) => digest.paperIds.length > 0);
      const papers = library.catalogue.papers.filter((paper) => !gone.has(paper.id));
      return { catalogue: { papers, digests }, states: emptyStateMap(), result: null };
    });
    this.counts.removals += 1;
  }

  /**
   * A backup taken now, or the one taken earlier restored: its catalogue, and every reading state that is not as it
   * had it put back (to none where it had none), as one change.
   */
  backUpOrRestore(device: SimDevice): void {
    const backup = this.#backups.get(device.id);
    if (backup === undefined) {
      this.#backups.set(device.id, {
        catalogue: device.replica.library.catalogue,
        states: device.replica.library.states,
      });
      return;
    }
    this.#backups.delete(device.id);
    this.transact(device, (library, now) => {
      const states = emptyStateMap();
      for (const id of new Set([...Object.keys(library.states), ...Object.keys(backup.states)])) {
        const current = readingStateOf(library.states, id);
        const restored = restoreState(current, readingStateOf(backup.states, id) ?? DEFAULT_READING_STATE, now);
        if (restored !== undefined && restored !== current) states[id] = restored;
      }
      return { catalogue: backup.catalogue, states, result: null };
    });
    this.counts.restores += 1;
  }

  /** Appends the change to the device's log, as the store will: only then is it acknowledged. */
  write(device: SimDevice, clock: Replica['clock'], ops: readonly SyncOp[], imported: ImportOp | null = null): void {
    if (ops.length === 0) return;
    let path = devicePath(device.id, opsFileName(device.generation));
    let log = device.files.get(path);
    // A log that is not as this device left it (a sync tool took it away, or put back an older one) is left alone:
    // the change goes to a new log, so nothing in either is overwritten.
    if ((log ?? '').length !== device.logLength) {
      device.generation += 1;
      path = devicePath(device.id, opsFileName(device.generation));
      log = undefined;
    }
    const text = (log ?? '') + encodeChangeLine(device.id, ops);
    device.files.set(path, text);
    device.logLength = text.length;
    this.counts.changes += 1;
    // What the device had seen when it made them: before they join its view.
    const indices = ops.map((op) => this.oracle.acknowledge(device.replica.library, device.seen, op));
    this.#acknowledged(device, clock, ops, indices, imported);
  }

  #acknowledged(
    device: SimDevice,
    clock: Replica['clock'],
    ops: readonly SyncOp[],
    indices: readonly number[],
    imported: ImportOp | null,
  ): void {
    device.replica = recordWritten(device.replica, clock, ops, imported);
    device.journal = journalOf(device.replica);
    for (const index of indices) device.seen.add(index);
  }

  // ------------------------------------------------------------------------------------------------------------
  // Files moved by a sync tool, and what it does to them.

  transfer(from: SimDevice, to: SimDevice): void {
    this.counts.transfers += 1;
    const paths = [...from.files.keys()];
    for (const path of this.prng.some(paths, 1 + this.prng.below(Math.max(1, Math.min(paths.length, 24))))) {
      const text = from.files.get(path);
      if (text !== undefined) this.#copy(path, text, to);
    }
    // Removals travel too: the files of `from` (copies of them included) that it no longer has.
    for (const path of [...to.files.keys()]) {
      const file = classifyPath(path);
      if (file?.device === from.id && !from.files.has(path) && this.prng.chance(0.7)) {
        to.files.delete(path);
      }
    }
    this.refresh(to);
  }

  #copy(path: string, text: string, to: SimDevice): void {
    const file = classifyPath(path);
    const mine = file?.device === to.id && file.copy === null;
    const had = to.files.get(path);
    // A copy a tool left travels as it is (a tool does not make conflicted copies of its own conflicted copies).
    const how =
      file === null || file.copy !== null
        ? 'copy'
        : mine
          ? this.prng.chance(0.1)
            ? 'conflict-copy'
            : 'skip'
          : this.prng.weighted({ copy: 70, truncate: 8, 'conflict-copy': 7, git: 6, twice: 4 });
    switch (how) {
      case 'skip':
        return;
      case 'copy':
        to.files.set(path, text);
        return;
      case 'truncate':
        this.counts.truncated += 1;
        to.files.set(path, text.slice(0, this.prng.below(text.length + 1)));
        return;
      case 'conflict-copy':
        this.counts.conflictCopies += 1;
        to.files.set(this.#conflictName(path), text);
        if (!mine && this.prng.chance(0.5)) to.files.set(path, text);
        return;
      case 'git':
        if (had === undefined || had === text) to.files.set(path, text);
        else {
          this.counts.gitConflicts += 1;
          to.files.set(path, gitMerge(had, text, path.endsWith('.jsonl')));
        }
        return;
      case 'twice':
        to.files.set(path, path.endsWith('.jsonl') ? linesTwice(text, this.prng) : text);
        return;
    }
  }

  #conflictName(path: string): string {
    const slash = path.lastIndexOf('/');
    const folder = path.slice(0, slash + 1);
    const name = path.slice(slash + 1);
    const dot = name.lastIndexOf('.');
    const [stem, ext] = [name.slice(0, dot), name.slice(dot)];
    const names = [
      `${stem}.sync-conflict-20240105-101112-ABCDEFG${ext}`,
      `${stem} (conflicted copy 2024-01-05)${ext}`,
      `${stem} (Laptop's conflicted copy 2024-01-05)${ext}`,
      `${stem}-DESKTOP7${ext}`,
      `${stem} (1)${ext}`,
      `${stem} 2${ext}`,
      `${name}.orig`,
    ];
    return folder + this.prng.pick(names);
  }

  vanish(device: SimDevice): void {
    const paths = [...device.files.keys()];
    if (paths.length === 0) return;
    const path = this.prng.pick(paths);
    const text = device.files.get(path) ?? '';
    device.files.delete(path);
    this.#away.push({ device, path, text, back: this.#step + 1 + this.prng.below(20) });
    this.counts.vanished += 1;
    this.refresh(device);
  }

  #bringBack(all: boolean): void {
    for (const away of [...this.#away]) {
      if (!all && away.back > this.#step) continue;
      this.#away.splice(this.#away.indexOf(away), 1);
      // Back only where nothing took its place meanwhile.
      if (!away.device.files.has(away.path)) away.device.files.set(away.path, away.text);
    }
  }

  // ------------------------------------------------------------------------------------------------------------
  // The device's own life: reading the folder, starting again, crashing, compacting, its clock.

  /** A device's folder read, as a store reads it: again only the files that changed. */
  libraryFiles(device: SimDevice): LibraryFiles {
    return contributionsOf(
      [...device.files].map(([path, text]) => remembered(this.#reads, path, text, () => readDeviceFile(path, text))),
    );
  }

  refresh(device: SimDevice): void {
    device.replica = refreshReplica(device.replica, this.libraryFiles(device), this.now(device));
    for (const index of this.changesIn(device)) device.seen.add(index);
  }

  restart(device: SimDevice): void {
    this.counts.restarts += 1;
    const files = this.libraryFiles(device);
    // A log whose last line was cut short (a crash mid-write) is cut back to its last whole line before anything else.
    const own = files.devices.get(device.id);
    const generation = own?.generations.at(-1) ?? 0;
    const path = devicePath(device.id, opsFileName(generation));
    const log = device.files.get(path) ?? '';
    const whole = log.slice(0, log.lastIndexOf('\n') + 1);
    if (whole !== log) device.files.set(path, whole);
    device.generation = generation;
    device.logLength = device.files.get(path)?.length ?? 0;
    device.replica = openReplica(device.id, this.libraryFiles(device), this.now(device), device.journal);
    device.seen = new Set([...this.changesIn(device), ...this.oracle.madeBy(device.id)]);
  }

  /** A change cut short mid-write: never acknowledged, and the device starts again. */
  crash(device: SimDevice): void {
    const library = device.replica.library;
    const [paper] = library.catalogue.papers;
    if (paper === undefined) return;
    this.counts.crashes += 1;
    const after = setStatus(readingStateOf(library.states, paper.id), 'read', new Date(this.now(device)).toISOString());
    if (after !== undefined) {
      const recorded = opsForStates(library, this.writer(device), { [paper.id]: after });
      const line = encodeChangeLine(device.id, recorded.value);
      const path = devicePath(device.id, opsFileName(device.generation));
      const log = device.files.get(path) ?? '';
      if (log.length === device.logLength) device.files.set(path, log + line.slice(0, this.prng.below(line.length)));
    }
    this.restart(device);
  }

  compact(device: SimDevice): void {
    // Under the lock, as any write: the folder read first.
    this.refresh(device);
    const files = this.libraryFiles(device);
    const own = files.devices.get(device.id);
    if (own === undefined) return;
    this.counts.compactions += 1;
    const plan = planCompaction(device.id, own, device.journal.highWater, device.replica.own);
    const held = [...device.seen].filter((index) => this.oracle.deviceOf(index) === device.id);
    this.#snapshotChanges.set(plan.snapshot.text.trim(), held);
    device.files.set(plan.snapshot.path, plan.snapshot.text);
    for (const path of plan.remove) device.files.delete(path);
    device.generation = plan.generation;
    device.logLength = device.files.get(plan.log)?.length ?? 0;
    this.refresh(device);
  }

  skewClock(device: SimDevice): void {
    // Now and then far ahead (hours: beyond what other clocks adopt), or back, or right again.
    device.offset = this.prng.pick([0, 0, 3 * HOUR, -10 * 60_000, 2 * 60_000]);
  }

  // ------------------------------------------------------------------------------------------------------------

  /** The acknowledged changes a device's files hold, as the oracle numbers them. */
  changesIn(device: SimDevice): number[] {
    return [...device.files].flatMap(([path, text]) =>
      remembered(this.#changes, path, text, () => this.#changesInFile(path, text)),
    );
  }

  #changesInFile(path: string, text: string): readonly number[] {
    const file = classifyPath(path);
    const found: number[] = [];
    if (file?.role.kind === 'ops') {
      for (const op of parseLog(text).ops) {
        const index = this.oracle.indexOf(opId(op));
        if (index !== undefined) found.push(index);
      }
    } else if (file?.role.kind === 'state' && parseStateText(text).versions.length > 0) {
      for (const side of conflictSides(text) ?? [text]) found.push(...(this.#snapshotChanges.get(side.trim()) ?? []));
    }
    return found;
  }

  /** Every file brought back, and every device's own files copied whole to every other, removals too. */
  exchangeAll(): void {
    this.#bringBack(true);
    for (const from of this.devices) {
      for (const to of this.devices) {
        if (to === from) continue;
        for (const [path, text] of from.files) {
          const file = classifyPath(path);
          if (file?.device === from.id && file.copy === null) to.files.set(path, text);
        }
        for (const path of [...to.files.keys()]) {
          const file = classifyPath(path);
          if (file?.device === from.id && !from.files.has(path) && (file.copy === null || this.prng.chance(0.5))) {
            to.files.delete(path);
          }
        }
      }
    }
    for (const device of this.devices) this.refresh(device);
  }
}

/** `ours` and `theirs` as git leaves a text both changed: the lines they share, then both sides in markers. */
function gitMerge(ours: string, theirs: string, byLine: boolean): string {
  if (!byLine) return `<<<<<<< HEAD\n${ours}\n=======\n${theirs}\n>>>>>>> theirs\n`;
  const a = ours.split('\n');
  const b = theirs.split('\n');
  let common = 0;
  while (common < a.length && common < b.length && a[common] === b[common]) common += 1;
  const shared = a.slice(0, common);
  const mark = (lines: string[]): string[] => lines.filter((line) => line !== '');
  return [
    ...shared,
    '<<<<<<< HEAD',
    ...mark(a.slice(common)),
    '=======',
    ...mark(b.slice(common)),
    '>>>>>>> theirs',
    '',
  ].join('\n');
}

/** A log some of whose whole lines a tool wrote twice. */
function linesTwice(text: string, prng: Prng): string {
  const whole = text.slice(0, text.lastIndexOf('\n') + 1);
  const lines = whole.split('\n').filter((line) => line !== '');
  return (
    whole +
    prng
      .some(lines, prng.below(lines.length + 1))
      .map((line) => `${line}\n`)
      .join('') +
    text.slice(whole.length)
  );
}
