/**
 * The files of a synced library, by their paths relative to its folder: which device wrote each and what it holds,
 * and which are copies a sync tool left (Syncthing's `.sync-conflict-…`, Dropbox's `(conflicted copy …)`, OneDrive's
 * `-HOSTNAME`, Google Drive's `(1)`, iCloud's ` 2`, git's `.orig`): a copy is read like the file it copies. Names
 * only, no file system: pure.
 */

import type { DeviceId } from './causal-register.js';
import { isStamp, type Stamp } from './hlc.js';

export const DEVICES_FOLDER = 'devices';
export const IMPORTS_FOLDER = 'imports';

/** A device id as Shelfmark makes them, or a pseudo-device of a migrated library (`legacy-…`, no folder of its own). */
export const DEVICE_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
/** A device that has a folder: an id as Shelfmark makes them (a migrated library's pseudo-devices have none). */
const DEVICE_FOLDER = /^(?!legacy)[a-z0-9]{8,32}$/;
/** A device's folder as OneDrive renames it in a conflict: `<id>-HOSTNAME`. */
const DEVICE_FOLDER_COPY = /^((?!legacy)[a-z0-9]{8,32})-[^/]+$/;

const DEVICE_ID_LENGTH = 12;

/**
 * A new device's id from random bytes (at least 12): 12 characters of `[a-z0-9]`, a name for its folder that no
 * sync tool's decoration and no migrated library's pseudo-device can be taken for.
 */
export function deviceIdFrom(random: Uint8Array): DeviceId {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  if (random.length < DEVICE_ID_LENGTH) throw new RangeError(`a device id takes ${DEVICE_ID_LENGTH} random bytes`);
  // The first character a letter other than "l": never "legacy…".
  const first = 'abcdefghijkmnopqrstuvwxyz'[(random[0] ?? 0) % 25] ?? 'a';
  const rest = [...random.subarray(1, DEVICE_ID_LENGTH)].map((byte) => alphabet[byte % alphabet.length] ?? 'a');
  return first + rest.join('');
}

export function isDeviceFolderId(value: string): boolean {
  return DEVICE_FOLDER.test(value);
}

/** What a device's file holds: its log of one generation, its snapshot, one import, or its name. */
type DeviceFileRole =
  | { readonly kind: 'ops'; readonly generation: number }
  | { readonly kind: 'state'; readonly generation: number }
  | { readonly kind: 'import'; readonly stamp: Stamp }
  | { readonly kind: 'device' };

/** The sync tool that left a copy, when the file is one. */
type CopyKind = 'syncthing' | 'dropbox' | 'onedrive' | 'numbered' | 'git';

export interface DeviceFile {
  readonly device: DeviceId;
  readonly role: DeviceFileRole;
  /** Null for the file itself; else which tool's copy of it this is. */
  readonly copy: CopyKind | null;
  /** The path of the file itself (the same as the path, for the file itself). */
  readonly original: string;
}

export function opsFileName(generation: number): string {
  return `ops.${generation}.jsonl`;
}

export function stateFileName(generation: number): string {
  return `state.${generation}.json`;
}

export function importFileName(stamp: Stamp): string {
  return `${stamp}.json`;
}

const DEVICE_FILE_NAME = 'device.json';

export function devicePath(device: DeviceId, ...names: readonly string[]): string {
  return [DEVICES_FOLDER, device, ...names].join('/');
}

const GENERATION = '(0|[1-9][0-9]{0,8})';
const OPS_NAME = new RegExp(`^ops\\.${GENERATION}\\.jsonl$`);
const STATE_NAME = new RegExp(`^state\\.${GENERATION}\\.json$`);
const IMPORT_NAME = /^([0-9a-z]{13})\.json$/;

/** The role of a name inside a device's folder (`imports/` included), when it is one of Shelfmark's. */
function roleOf(inside: readonly string[]): DeviceFileRole | null {
  if (inside.length === 2 && inside[0] === IMPORTS_FOLDER) {
    const stamp = IMPORT_NAME.exec(inside[1] ?? '')?.[1];
    return stamp !== undefined && isStamp(stamp) ? { kind: 'import', stamp } : null;
  }
  if (inside.length !== 1) return null;
  const [name = ''] = inside;
  if (name === DEVICE_FILE_NAME) return { kind: 'device' };
  const ops = OPS_NAME.exec(name)?.[1];
  if (ops !== undefined) return { kind: 'ops', generation: Number(ops) };
  const state = STATE_NAME.exec(name)?.[1];
  if (state !== undefined) return { kind: 'state', generation: Number(state) };
  return null;
}

/**
 * Each tool's way of naming a copy, as a pattern with the original's stem and extension in groups 1 and 2.
 * Shelfmark's own names have no `-`, no space and no `_`, so none of them is taken for a copy.
 */
const COPY_NAMES: readonly (readonly [CopyKind, RegExp])[] = [
  ['syncthing', /^(.+)\.sync-conflict-\d{8}-\d{6}-[0-9A-Z]{7}(\.[^.]+)?$/],
  ['dropbox', /^(.+) \((?:[^()]*'s )?(?:conflicted copy|Case Conflict)(?: [^()]*)?\)(\.[^.]+)?$/i],
  ['onedrive', /^([^-]+)-[^.]+(\.[^.]+)$/],
  ['numbered', /^(.+?)(?: \(\d+\)| \d+)(\.[^.]+)?$/],
  ['git', /^(.+?)(?:_(?:BACKUP|BASE|LOCAL|REMOTE)_\d+)(\.[^.]+)?$/],
];
const GIT_ORIG = /^(.+)\.orig$/;

/** The name `name` copies and the tool that made the copy, when it is a copy's name. */
function undecorated(name: string): { readonly name: string; readonly copy: CopyKind } | null {
  const orig = GIT_ORIG.exec(name)?.[1];
  if (orig !== undefined) return { name: orig, copy: 'git' };
  for (const [copy, pattern] of COPY_NAMES) {
    const match = pattern.exec(name);
    if (match?.[1] !== undefined) return { name: match[1] + (match[2] ?? ''), copy };
  }
  return null;
}

/** The name a sync tool's copy named `name` copies (`library.sync-conflict-….json` → `library.json`); null if none. */
export function originalOfCopy(name: string): string | null {
  return undecorated(name)?.name ?? null;
}

/** Files a sync tool is still writing, or keeps for itself: never read. */
const TOOL_FILES = /^(?:\.syncthing\..*\.tmp|~syncthing~.*\.tmp|\.dropbox.*|.*\.tmp|\..*|desktop\.ini|Thumbs\.db)$/i;

/**
 * What the file at `path` (relative to the library's folder, `/`-separated) is: a device's file or a copy of one.
 * Null for anything else (derived files, a tool's own files, names Shelfmark does not write), which is never read
 * as a device's.
 */
export function classifyPath(path: string): DeviceFile | null {
  const parts = path.split('/');
  if (parts.length < 3 || parts[0] !== DEVICES_FOLDER) return null;
  const last = parts.at(-1) ?? '';
  if (TOOL_FILES.test(last)) return null;
  let folder = parts[1] ?? '';
  let copy: CopyKind | null = null;
  if (!DEVICE_FOLDER.test(folder)) {
    // A device's whole folder copied by a tool: the copy names the device too.
    const plain = undecorated(folder);
    const onedrive = DEVICE_FOLDER_COPY.exec(folder)?.[1];
    if (plain !== null && DEVICE_FOLDER.test(plain.name)) [folder, copy] = [plain.name, plain.copy];
    else if (onedrive !== undefined) [folder, copy] = [onedrive, 'onedrive'];
    else return null;
  }
  const inside = parts.slice(2);
  let role = roleOf(inside);
  if (role === null) {
    // Copies of copies (a conflict over a conflicted copy) are taken apart one decoration at a time.
    let name = last;
    for (let depth = 0; depth < 3 && role === null; depth++) {
      const plain = undecorated(name);
      if (plain === null) break;
      name = plain.name;
      copy ??= plain.copy;
      role = roleOf([...inside.slice(0, -1), name]);
    }
    if (role === null) return null;
    return { device: folder, role, copy, original: devicePath(folder, ...inside.slice(0, -1), name) };
  }
  return { device: folder, role, copy, original: devicePath(folder, ...inside) };
}
