/**
 * What this device keeps of its own for one synced library outside the library's folder, in app-data
 * (core/sync/replica.ts LocalJournal): its own state as of its last compaction (`journal.json`, a device snapshot
 * whose frontier is the latest stamp it had given), each change since (`journal.jsonl`, the lines of its log, one
 * append each), and each of its imports (`imports/<stamp>.json`, written once). A sync tool may take the device's
 * own files away; with these the device still sees everything it wrote, and writes it again.
 */

import { createHash } from 'node:crypto';
import { appendFile, mkdir, realpath } from 'node:fs/promises';
import { join, resolve } from 'node:path';

import type { DeviceId } from '../../core/sync/causal-register.js';
import type { ImportOp } from '../../core/sync/catalogue-fold.js';
import {
  encodeChangeLine,
  encodeStateDocument,
  importDocument,
  type DeviceSnapshot,
} from '../../core/sync/device-documents.js';
import { importFileName } from '../../core/sync/device-files.js';
import { opId, stateOfOps, stampsOf, type SyncOp } from '../../core/sync/ops.js';
import { parseImportText, parseLog, parseStateText } from '../../core/sync/parse-device-files.js';
import { EMPTY_JOURNAL, type LocalJournal } from '../../core/sync/replica.js';
import { writeFileAtomically } from '../store/atomic-write.js';
import type { BackupPlace } from '../store/backups.js';
import { isErrorCode, namesIn } from '../store/errors.js';
import { stampOf, type FileStamp } from '../store/file-stamp.js';
import type { LibraryPaths } from '../store/library-paths.js';
import { writeCanonicalDocument } from './canonical-document.js';
import { copyDurably } from './durable-copy.js';
import { endsWithWholeLine } from './own-files.js';
import { readTextIfThere } from './read-text.js';

const JOURNAL_FILE = 'journal.json';
const CHANGES_FILE = 'journal.jsonl';
const LOG_FILE = 'log.json';

/** This device's log as its processes on this computer last left it: which generation, how long, how many lines. */
export interface LogPosition {
  readonly generation: number;
  readonly end: number;
  readonly lines: number;
}

const IMPORTS = 'imports';

/** What loading the journal may take from the folder's reading rather than read again (JournalFolder.load). */
export interface KnownFiles {
  /** The journal's imports the folder holds (by id): not read, the folder's taken (a cache's fold spares them). */
  readonly skip?: ReadonlySet<string>;
  /** A snapshot already read from the folder whose text is `text`, if there is one (the journal's is most often). */
  readonly snapshot?: (text: string) => DeviceSnapshot | undefined;
  /** The import read from the folder in the very file of the journal's import `name` (a hard link to it). */
  readonly importAt?: (name: string, stamp: FileStamp) => ImportOp | undefined;
}

/** The app-data folder of one library's things on this computer: named by the library folder's real path. */
function libraryAppData(appData: string, realDirectory: string): string {
  const key = createHash('sha256').update(realDirectory).digest('hex').slice(0, 24);
  return join(appData, 'libraries', key);
}

/** libraryAppData of the library folder `directory`, by its real path (as given while it does not exist yet). */
export async function libraryAppDataOf(appData: string, directory: string): Promise<string> {
  let real: string;
  try {
    real = await realpath(directory);
  } catch (error) {
    if (!isErrorCode(error, 'ENOENT')) throw error;
    real = resolve(directory);
  }
  return libraryAppData(appData, real);
}

/** Where this computer keeps the backups of the library at `paths` (app/store/backups.ts). */
export async function backupPlace(appData: string, paths: LibraryPaths): Promise<BackupPlace> {
  return { paths, folder: join(await libraryAppDataOf(appData, paths.directory), 'backups') };
}

export class JournalFolder {
  readonly #folder: string;
  readonly #device: DeviceId;
  /** The imports already written. */
  readonly #written = new Set<string>();

  constructor(folder: string, device: DeviceId) {
    this.#folder = folder;
    this.#device = device;
  }

  /** The stamps of the files kept here that the library is made from, by `app-data/<name>`. */
  async stamps(): Promise<Map<string, FileStamp | null>> {
    const stamps = new Map<string, FileStamp | null>();
    for (const name of [JOURNAL_FILE, CHANGES_FILE])
      stamps.set(`app-data/${name}`, await stampOf(join(this.#folder, name)));
    for (const name of await namesIn(join(this.#folder, IMPORTS))) {
      stamps.set(`app-data/${IMPORTS}/${name}`, await stampOf(join(this.#folder, IMPORTS, name)));
    }
    return stamps;
  }

  /** The ids of the imports kept here (by their files' names: none is read). */
  async importIds(): Promise<Set<string>> {
    const names = (await namesIn(join(this.#folder, IMPORTS))).filter((file) => file.endsWith('.json'));
    return new Set(names.map((name) => `${name.slice(0, -'.json'.length)}@${this.#device}`));
  }

  /**
   * What this device kept, taking from the folder's reading what `known` says it holds already (the same snapshot
   * text, the same import file), not read and checked again.
   */
  async load(known: KnownFiles = {}): Promise<LocalJournal> {
    const text = await readTextIfThere(join(this.#folder, JOURNAL_FILE));
    const snapshot = text === null ? undefined : (known.snapshot?.(text) ?? parseStateText(text).versions[0]);
    if (text !== null && snapshot === undefined) {
      throw new Error(
        `${join(this.#folder, JOURNAL_FILE)} cannot be read (it is damaged); move it away and Shelfmark reads the library from its folder.`,
      );
    }
    const imports: ImportOp[] = [];
    for (const name of (await namesIn(join(this.#folder, IMPORTS))).filter((file) => file.endsWith('.json'))) {
      const id = `${name.slice(0, -'.json'.length)}@${this.#device}`;
      if (known.skip?.has(id) === true) {
        this.#written.add(id);
        continue;
      }
      const file = join(this.#folder, IMPORTS, name);
      const stamp = known.importAt === undefined ? null : await stampOf(file);
      const op =
        (stamp === null ? undefined : known.importAt?.(name, stamp)) ??
        parseImportText((await readTextIfThere(file)) ?? '').versions[0];
      if (op === undefined || op.device !== this.#device) continue;
      imports.push(op);
      this.#written.add(opId(op));
    }
    const changes = parseLog((await readTextIfThere(join(this.#folder, CHANGES_FILE))) ?? '').ops;
    const base = snapshot ?? { frontier: EMPTY_JOURNAL.highWater, state: EMPTY_JOURNAL.own };
    const highWater = changes.flatMap(stampsOf).reduce((a, b) => (b > a ? b : a), base.frontier);
    return { highWater, own: stateOfOps(changes, base.state), imports };
  }

  /**
   * Keeps a change this device wrote (its import, then its ops), before it is acknowledged. The import's document,
   * written already in the library's folder at `importFile`, is copied from there (a hard link where it can be).
   */
  async record(ops: readonly SyncOp[], imported: ImportOp | null, importFile?: string): Promise<void> {
    await mkdir(join(this.#folder, IMPORTS), { recursive: true });
    if (imported !== null && !this.#written.has(opId(imported))) {
      const file = join(this.#folder, IMPORTS, importFileName(imported.stamp));
      if (importFile === undefined) await writeCanonicalDocument(file, importDocument(imported));
      else await copyDurably(importFile, file);
      this.#written.add(opId(imported));
    }
    if (ops.length === 0) return;
    const file = join(this.#folder, CHANGES_FILE);
    // A process killed mid-append leaves a line cut short: the next begins on a line of its own.
    const start = (await endsWithWholeLine(file)) ? '' : '\n';
    await appendFile(file, start + encodeChangeLine(this.#device, ops));
  }

  /**
   * Folds the changes kept into `journal.json` (at a compaction): whole first, then the changes file emptied. `text`,
   * when given, is the snapshot the compaction wrote, which holds `journal.own` and is written as it is: opening, the
   * device reads one text where it would read two (`known`).
   */
  async fold(journal: LocalJournal, text?: string): Promise<void> {
    await mkdir(this.#folder, { recursive: true });
    await writeFileAtomically(
      join(this.#folder, JOURNAL_FILE),
      text ?? encodeStateDocument(this.#device, journal.own, journal.highWater),
    );
    await writeFileAtomically(join(this.#folder, CHANGES_FILE), '');
  }

  /** The log as this computer's processes last left it; null when none has written it (or that was not kept). */
  async logPosition(): Promise<LogPosition | null> {
    const text = await readTextIfThere(join(this.#folder, LOG_FILE));
    try {
      const json = JSON.parse(text ?? 'null') as Partial<LogPosition> | null;
      const { generation, end, lines } = json ?? {};
      if (Number.isSafeInteger(generation) && Number.isSafeInteger(end) && Number.isSafeInteger(lines))
        return { generation, end, lines } as LogPosition;
    } catch {
      // Damaged: as if not kept. The next change goes to a log of its own.
    }
    return null;
  }

  /** Not durable: lost, the next change only goes to a new log. */
  async keepLogPosition(position: LogPosition): Promise<void> {
    await mkdir(this.#folder, { recursive: true });
    await writeFileAtomically(join(this.#folder, LOG_FILE), JSON.stringify(position), { durable: false });
  }
}
