/**
 * Synced libraries for the benchmarks (app/sync/, ARCHITECTURE.md "Many devices, one folder"), in a new folder with
 * an app-data folder beside it:
 *
 * - one device: the synthetic library saved by a synced store, as one import and the states' changes, compacted twice
 *   (what migrating a library of today gives: an import and a snapshot);
 * - ten devices: its papers imported by ten devices, a tenth each, 2 % of each tenth by the next device too (merged
 *   by arXiv id, as any import is), the reading states of each tenth set by its device, then each device's log of
 *   LOG_CHANGES changes (status, tag, untag, note) to papers anywhere in the library, by the ids their importers gave
 *   them, most made without seeing the other devices' (concurrent: notes then conflict); the first half of each log
 *   folded into the device's snapshot (`state.1.json`), the rest in its log (`ops.1.jsonl`). Written from the pure
 *   core's encoders, as a device writes them.
 *
 * Either is then opened once by the device measuring (the first of the ten) and compacted: the folder as a device
 * leaves it, its derived `library.json` and outline made.
 */

import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

import type { CataloguePaper, ReadingState } from '../core/model.js';
import type { ImportOp } from '../core/sync/catalogue-fold.js';
import { canonicalJson } from '../core/sync/canonical-json.js';
import type { Seen } from '../core/sync/causal-register.js';
import { encodeChangeLine, encodeImportDocument, encodeStateDocument } from '../core/sync/device-documents.js';
import { devicePath, importFileName, IMPORTS_FOLDER, opsFileName, stateFileName } from '../core/sync/device-files.js';
import { encodeStamp } from '../core/sync/hlc.js';
import { opId, stateOfOps, type SyncOp } from '../core/sync/ops.js';
import { tagKey } from '../core/sync/paper-registers.js';
import type { PaperRef } from '../core/sync/sync-state.js';
import { DEVICE_IDENTITY_FILE, type DeviceIdentity } from '../app/sync/device-identity.js';
import { openSyncedLibraryStore } from '../app/sync/synced-library-store.js';
import { seededRandom } from '../tests/random.js';
import type { SyntheticLibrary } from './generate.js';

export type SyncedVariant = 'one device' | 'ten devices';

export interface SyncedFolder {
  /** The library's `library.json`, as the store is opened with. */
  readonly db: string;
  /** Shelfmark's app-data folder: `Shelfmark` in `configHome`, holding the device measuring as this computer's. */
  readonly appData: string;
  /** XDG_CONFIG_HOME for a process that opens the library (browser mode): inside the benchmark's folder. */
  readonly configHome: string;
  /** The device measuring. */
  readonly device: DeviceIdentity;
}

const DEVICES = 10;
/** Changes in each device's log (half folded into its snapshot). */
const LOG_CHANGES = 3_000;
const SINCE = '2026-01-01T00:00:00.000Z';
const TAGS = ['to-read', 'graphs', 'generative', 'llm', 'theory', 'survey', 'reproduce', 'later'];

function identity(index: number): DeviceIdentity {
  return { id: `benchdevice${String(index)}`, name: `bench ${String(index)}`, since: SINCE };
}

/** `work` on `library` saved as a synced folder of `variant`; the folders removed afterwards. */
export async function withSyncedLibrary<T>(
  library: SyntheticLibrary,
  variant: SyncedVariant,
  work: (folder: SyncedFolder) => Promise<T>,
): Promise<T> {
  const root = await mkdtemp(join(tmpdir(), 'shelfmark-bench-synced-'));
  try {
    const folder: SyncedFolder = {
      db: join(root, 'library', 'library.json'),
      appData: join(root, 'config', 'Shelfmark'),
      configHome: join(root, 'config'),
      device: identity(0),
    };
    await mkdir(dirname(folder.db), { recursive: true });
    // The device measuring is this computer's: the service, opening the library itself, is that device.
    await mkdir(folder.appData, { recursive: true });
    await writeFile(join(folder.appData, DEVICE_IDENTITY_FILE), `${JSON.stringify(folder.device, null, 2)}\n`);
    if (variant === 'ten devices') await writeTenDevices(library, dirname(folder.db));
    const store = await openSyncedLibraryStore(folder.db, { appData: folder.appData, device: folder.device });
    if (variant === 'one device') {
      await store.transact(() => ({ catalogue: library.catalogue, states: library.states, result: null }));
      // Twice: the log holding that first change goes, as a migration leaves no such log (migrate.ts).
      await store.compact();
    }
    await store.compact();
    await store.readOutline();
    await store.close();
    return await work(folder);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

/** Stamps of one device, one after another from its own start (the devices a second apart). */
function stamps(device: number): () => string {
  const physical = Date.parse(SINCE) + device * 1_000;
  let logical = 0;
  return () => encodeStamp({ physical: physical + Math.floor(logical / 1000), logical: logical++ % 1000 });
}

async function writeTenDevices(library: SyntheticLibrary, directory: string): Promise<void> {
  const { papers } = library.catalogue;
  const rand = seededRandom(99);
  const share = Math.ceil(papers.length / DEVICES);
  const nexts = Array.from({ length: DEVICES }, (_, device) => stamps(device));
  // Each paper as its importer names it: the import that made it there, and its id.
  const owner: PaperRef[] = [];
  const imports: ImportOp[] = [];
  for (let device = 0; device < DEVICES; device++) {
    const own = papers.slice(device * share, (device + 1) * share);
    const shared = papers.slice((device + 1) * share, (device + 1) * share + Math.floor(share / 50));
    const stamp = nexts[device]?.() ?? '';
    const id = identity(device).id;
    const digestPapers: CataloguePaper[] = [...own, ...shared];
    const digest = {
      ...library.catalogue.digests[0],
      id: `bench-digest-${String(device)}`,
      title: `Synthetic digest ${String(device)}`,
      source: `synthetic-${String(device)}.json`,
      paperIds: digestPapers.map((paper) => paper.id),
    } as const;
    const op: ImportOp = {
      stamp,
      device: id,
      papers: digestPapers.map((paper) => ({ ...paper, digests: [digest.id] })),
      digests: [{ ...digest, format: 'hf-daily-json', date: '2026-01-01', importedAt: SINCE }],
    };
    imports.push(op);
    for (const paper of own) owner.push({ origin: opId(op), id: paper.id });
  }
  for (let device = 0; device < DEVICES; device++) {
    const id = identity(device).id;
    const next = nexts[device] ?? (() => '');
    const last = new Map<string, string>();
    /** What this device saw of the register: its own last write to it (a device's writes follow each other). */
    const seenOf = (register: string, stamp: string): Seen => {
      const before = last.get(register);
      last.set(register, stamp);
      return before === undefined ? {} : { [id]: before };
    };
    const ops: SyncOp[] = [];
    const change = (paper: PaperRef, state: Partial<ReadingState>): void => {
      const key = `${paper.origin} ${paper.id}`;
      if (state.status !== undefined) {
        const stamp = next();
        const value = { status: state.status, readAt: state.status === 'read' ? SINCE : null };
        ops.push({ kind: 'status', stamp, device: id, paper, value, seen: seenOf(`${key} status`, stamp) });
      }
      for (const spelling of state.tags ?? []) {
        const stamp = next();
        const seen = seenOf(`${key} tag ${tagKey(spelling)}`, stamp);
        ops.push({ kind: 'tag', stamp, device: id, paper, value: { spelling, since: stamp }, seen });
      }
      if (state.note !== undefined && state.note !== '') {
        const stamp = next();
        ops.push({
          kind: 'note',
          stamp,
          device: id,
          paper,
          text: state.note,
          kept: [],
          seen: seenOf(`${key} note`, stamp),
        });
      }
    };
    // The reading states of its own tenth, as the synthetic library has them.
    for (const paper of owner.slice(device * share, (device + 1) * share)) {
      const state = library.states[paper.id];
      if (state !== undefined) change(paper, state);
    }
    // Then its log: changes to papers anywhere.
    const logStart = ops.length;
    for (let n = 0; n < LOG_CHANGES; n++) {
      const paper = owner[Math.floor(rand() * owner.length)] ?? { origin: '', id: '' };
      const roll = rand();
      const tag = TAGS[Math.floor(rand() * TAGS.length)] ?? 'later';
      if (roll < 0.4) change(paper, { status: rand() < 0.5 ? 'read' : 'reading' });
      else if (roll < 0.7) change(paper, { tags: [tag] });
      else if (roll < 0.8) {
        const stamp = next();
        const seen = seenOf(`${paper.origin} ${paper.id} tag ${tagKey(tag)}`, stamp);
        ops.push({ kind: 'untag', stamp, device: id, paper, tag: tagKey(tag), seen });
      } else change(paper, { note: `Device ${String(device)}, change ${String(n)}: compare with the baseline.` });
    }
    const folded = logStart + Math.floor((ops.length - logStart) / 2);
    const frontier = ops[folded - 1]?.stamp ?? imports[device]?.stamp ?? '';
    const file = (...names: string[]): string => join(directory, ...devicePath(id, ...names).split('/'));
    await mkdir(file(IMPORTS_FOLDER), { recursive: true });
    const op = imports[device];
    if (op !== undefined) await writeFile(file(IMPORTS_FOLDER, importFileName(op.stamp)), encodeImportDocument(op));
    await writeFile(file(stateFileName(1)), encodeStateDocument(id, stateOfOps(ops.slice(0, folded)), frontier));
    await writeFile(
      file(opsFileName(1)),
      ops
        .slice(folded)
        .map((one) => encodeChangeLine(id, [one]))
        .join(''),
    );
    await writeFile(file('device.json'), canonicalJson({ name: identity(device).name, since: SINCE }));
  }
}
