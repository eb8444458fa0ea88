/**
 * A device for tests that tell a story: it makes changes with core's own functions, as the store will, keeps its own
 * files (a log and its imports, as texts), and reads another's files when told. No sync tool in between: the
 * simulation (world.ts) is where files are mangled.
 */

import type { DeviceId } from '../causal-register.js';
import { encodeChangeLine, encodeImportDocument } from '../device-documents.js';
import { devicePath, importFileName, IMPORTS_FOLDER, opsFileName } from '../device-files.js';
import { readLibraryFiles, type FileText } from '../library-files.js';
import { recordChange } from './record-change.js';
import type { SyncOp } from '../ops.js';
import { catalogueChange, opsForStates, resolveNote, type Writer } from '../record.js';
import { openReplica, recordWritten, refreshReplica, type Replica } from '../replica.js';
import { redateDigest } from '../../digest-date.js';
import type { LibrarySnapshot, ParsedDigest } from '../../import/types.js';
import { mergeDigest } from '../../merge.js';
import { parsedPaper } from '../../../tests/builders.js';
import {
  readingStateOf,
  type Catalogue,
  type ParsedPaper,
  type ReadingState,
  type ReadingStateMap,
  type ReadingStatus,
} from '../../model.js';
import { mergePapers, unmergePapers, type PaperMerge, type PaperMergeUndo } from '../../paper-merge.js';
import { addTags, removeTags, renameTag, setNote, setStatus } from '../../reading.js';

/** A record of a work, as a digest gives it. */
export function paper(title: string, extra: Partial<ParsedPaper> = {}): ParsedPaper {
  return parsedPaper({ title, abstract: `About ${title}.`, authors: ['Ada Lovelace'], year: 2024, ...extra });
}

export class TestDevice {
  replica: Replica;
  readonly files = new Map<string, string>();
  #log = '';

  constructor(
    readonly id: DeviceId,
    /** This computer's clock: milliseconds, moved on by the test. */
    public now: number,
  ) {
    this.replica = openReplica(id, readLibraryFiles([]), now);
  }

  get library(): Replica['library'] {
    return this.replica.library;
  }

  state(paper: string): ReadingState | undefined {
    return readingStateOf(this.library.states, paper);
  }

  #writer(): Writer {
    return { device: this.id, clock: this.replica.clock, now: this.now };
  }

  #iso(): string {
    return new Date(this.now).toISOString();
  }

  #write(clock: Replica['clock'], ops: readonly SyncOp[]): readonly SyncOp[] {
    if (ops.length === 0) return ops;
    this.#log += encodeChangeLine(this.id, ops);
    this.files.set(devicePath(this.id, opsFileName(0)), this.#log);
    this.replica = recordWritten(this.replica, clock, ops);
    return ops;
  }

  /** Imports a digest; returns the ids of its papers here. */
  import(digest: ParsedDigest): readonly string[] {
    const merged = mergeDigest(this.library.catalogue, digest, 'digest.json', this.#iso());
    const recorded = catalogueChange(this.library, this.#writer(), merged.catalogue);
    const imported = recorded.value.import;
    if (imported !== null) {
      this.files.set(
        devicePath(this.id, IMPORTS_FOLDER, importFileName(imported.stamp)),
        encodeImportDocument(imported),
      );
      this.replica = recordWritten(this.replica, recorded.clock, [], imported);
    }
    return merged.summary.added.concat(merged.summary.merged).map((paper) => paper.id);
  }

  change(
    paper: string,
    change: (state: ReadingState | undefined, now: string) => ReadingState | undefined,
  ): readonly SyncOp[] {
    const after = change(this.state(paper), this.#iso());
    if (after === undefined) return [];
    const recorded = opsForStates(this.library, this.#writer(), { [paper]: after });
    return this.#write(recorded.clock, recorded.value);
  }

  status(paper: string, status: ReadingStatus): readonly SyncOp[] {
    return this.change(paper, (state, now) => setStatus(state, status, now));
  }

  tag(paper: string, ...tags: readonly string[]): readonly SyncOp[] {
    return this.change(paper, (state, now) => addTags(state, tags, now));
  }

  untag(paper: string, ...tags: readonly string[]): readonly SyncOp[] {
    return this.change(paper, (state, now) => removeTags(state, tags, now));
  }

  rename(paper: string, from: string, to: string): readonly SyncOp[] {
    return this.change(paper, (state, now) => (state === undefined ? state : renameTag(state, from, to, now)));
  }

  note(paper: string, text: string): readonly SyncOp[] {
    return this.change(paper, (state, now) => setNote(state, text, now));
  }

  resolve(paper: string, text: string): readonly SyncOp[] {
    const recorded = resolveNote(this.library, this.#writer(), paper, text);
    return this.#write(recorded.clock, [recorded.value]);
  }

  redate(digest: string, date: string): readonly SyncOp[] {
    const recorded = catalogueChange(this.library, this.#writer(), redateDigest(this.library.catalogue, digest, date));
    return this.#write(recorded.clock, recorded.value.ops);
  }

  /**
   * A change of the library as the store makes one (app/sync/synced-library-store.ts transact): the catalogue's
   * changes recorded, then the states' on the library with its import.
   */
  transact<T>(
    change: (library: LibrarySnapshot) => {
      readonly catalogue?: Catalogue;
      readonly states?: ReadingStateMap;
      readonly result: T;
    },
  ): T {
    const outcome = change({ catalogue: this.library.catalogue, states: this.library.states });
    const { clock, ops, imported } = recordChange(
      this.replica,
      this.#writer(),
      outcome.catalogue,
      outcome.states ?? {},
    );
    if (imported !== null) {
      this.files.set(
        devicePath(this.id, IMPORTS_FOLDER, importFileName(imported.stamp)),
        encodeImportDocument(imported),
      );
    }
    if (ops.length > 0) {
      this.#log += encodeChangeLine(this.id, ops);
      this.files.set(devicePath(this.id, opsFileName(0)), this.#log);
    }
    this.replica = recordWritten(this.replica, clock, ops, imported);
    return outcome.result;
  }

  merge(keep: string, merge: string): PaperMerge {
    return this.transact((library) => mergePapers(library, keep, merge, this.#iso()));
  }

  unmerge(undo: PaperMergeUndo): void {
    this.transact((library) => unmergePapers(library, undo, this.#iso()));
  }

  /** Takes papers out of the catalogue, as restoring a backup that did not have them does. */
  remove(...ids: readonly string[]): void {
    this.transact(({ catalogue }) => {
      const gone = new Set(ids);
      const digests = catalogue.digests
        .map((digest) => ({ ...digest, paperIds: digest.paperIds.filter((id) => !gone.has(id)) }))
        .filter((digest) => digest.paperIds.length > 0);
      return { catalogue: { papers: catalogue.papers.filter((paper) => !gone.has(paper.id)), digests }, result: null };
    });
  }

  fileTexts(): FileText[] {
    return [...this.files].map(([path, text]) => ({ path, text }));
  }

  /** Reads `others`' files (as a sync tool would have brought them) beside its own. */
  read(...others: readonly TestDevice[]): void {
    const files = [...this.fileTexts(), ...others.flatMap((other) => other.fileTexts())];
    this.replica = refreshReplica(this.replica, readLibraryFiles(files), this.now);
  }
}

/** Two devices that each read the other's files. */
export function exchange(a: TestDevice, b: TestDevice): void {
  a.read(b);
  b.read(a);
}
