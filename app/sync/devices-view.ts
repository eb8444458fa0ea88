/**
 * What the API says of a synced library beyond its papers (ARCHITECTURE.md, "Many devices, one folder"): the devices
 * that wrote to it, by the names their `devices/<id>/device.json` give, and each paper's note versions written apart,
 * named by those devices.
 */

import { z } from 'zod';

import type { LibraryDevice, LibraryDevices, NoteVersion, PaperNoteConflicts } from '../../core/api.js';
import { compareCodePoints } from '../../core/sync/canonical-json.js';
import { devicePath } from '../../core/sync/device-files.js';
import { decodeStamp, stampTime, ZERO_STAMP } from '../../core/sync/hlc.js';
import type { NoteConflict } from '../../core/sync/paper-registers.js';
import { inFolder } from './own-files.js';
import { readTextIfThere } from './read-text.js';
import type { LibraryPaths } from '../store/library-paths.js';
import type { SyncedView } from './synced-library-store.js';

/** A store of a synced folder (SyncedLibraryStore, or a store that opens one): what it says beyond the library. */
export interface SyncedAccess {
  readonly paths: LibraryPaths;
  /** With `firstFrame`, what needs nothing read while the list shows the saved first frame (SyncedLibraryStore). */
  view(firstFrame?: boolean): Promise<SyncedView>;
  resolveNote(id: string, text: string): Promise<void>;
}

/** What a device says of itself in `devices/<id>/device.json`. */
interface DeviceFile {
  readonly name: string;
  readonly since: string | null;
}

const deviceFileSchema = z.object({ name: z.string().min(1).max(200), since: z.string().max(40).nullish() });

/** The word for a note version of a library's copy from before it was synced (migrate.ts's pseudo-devices). */
const OLDER_COPY = 'an older copy';

/** Each device's file, as far as it can be read: one that is missing, half-written or not Shelfmark's is none. */
async function deviceFiles(folder: string, ids: Iterable<string>): Promise<Map<string, DeviceFile>> {
  const files = new Map<string, DeviceFile>();
  for (const id of ids) {
    if (id.startsWith('legacy-')) continue;
    let text: string | null;
    try {
      text = await readTextIfThere(inFolder(folder, devicePath(id, 'device.json')));
    } catch {
      continue;
    }
    if (text === null) continue;
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      continue;
    }
    const parsed = deviceFileSchema.safeParse(json);
    if (parsed.success) files.set(id, { name: parsed.data.name, since: parsed.data.since ?? null });
  }
  return files;
}

function nameOf(id: string, files: ReadonlyMap<string, DeviceFile>): string {
  return id.startsWith('legacy-') ? OLDER_COPY : (files.get(id)?.name ?? id);
}

/** The devices that wrote to the library: this computer first, then the latest to write. */
export async function libraryDevices(store: SyncedAccess, view: SyncedView, nowMs: number): Promise<LibraryDevices> {
  const { device } = view;
  const ids = new Set([device.id, ...view.latest.keys()]);
  const files = await deviceFiles(store.paths.directory, ids);
  const ahead = new Set(view.aheadDevices);
  const devices = [...ids].map((id): LibraryDevice => {
    const latest = view.latest.get(id) ?? ZERO_STAMP;
    const thisComputer = id === device.id;
    const lastMs = decodeStamp(latest).physical;
    return {
      id,
      name: thisComputer ? device.name : nameOf(id, files),
      firstWrote: files.get(id)?.since ?? null,
      lastWrote: latest === ZERO_STAMP ? null : stampTime(latest),
      thisComputer,
      clockAheadMs: ahead.has(id) && lastMs > nowMs ? lastMs - nowMs : null,
    };
  });
  devices.sort(
    (a, b) =>
      Number(b.thisComputer) - Number(a.thisComputer) ||
      (b.lastWrote ?? '').localeCompare(a.lastWrote ?? '') ||
      compareCodePoints(a.id, b.id),
  );
  return {
    devices,
    waiting: view.waiting,
    problems: view.problems.map(({ path, line, problem }) => ({ file: path, line, reason: problem })),
  };
}

/** Each paper's note versions written apart, named by their devices; latest first. */
export async function noteConflicts(store: SyncedAccess, view: SyncedView): Promise<PaperNoteConflicts[]> {
  const { device } = view;
  if (view.conflicts.size === 0) return [];
  const ids = new Set([...view.conflicts.values()].flatMap((versions) => versions.map((version) => version.device)));
  const files = await deviceFiles(store.paths.directory, ids);
  const named = (conflict: NoteConflict): NoteVersion => ({
    text: conflict.text,
    device: conflict.device === device.id ? device.name : nameOf(conflict.device, files),
    deviceId: conflict.device,
    thisDevice: conflict.device === device.id,
    at: conflict.at,
  });
  return [...view.conflicts]
    .filter(([, versions]) => versions.length > 0)
    .map(([id, versions]) => ({ id, versions: versions.map(named) }));
}
