/**
 * Every device's files of a synced library read into what each device has contributed: the join of its snapshots
 * and logs, copies a sync tool left included, and its imports. What cannot be read yet (half-written) or at all
 * (damaged, newer) is said, never fatal. Pure: paths and texts in.
 */

import { compareCodePoints } from './canonical-json.js';
import { classifyPath, type DeviceFile } from './device-files.js';
import type { DeviceId } from './causal-register.js';
import type { ImportOp } from './catalogue-fold.js';
import { ZERO_STAMP, type Stamp } from './hlc.js';
import { stampsOf, stateOfOps } from './ops.js';
import { parseImportText, parseLog, parseStateText, type FileProblem } from './parse-device-files.js';
import { joinStates, type SyncState } from './sync-state.js';

export interface FileText {
  /** Relative to the library's folder, `/`-separated. */
  readonly path: string;
  readonly text: string;
}

export interface DeviceContribution {
  readonly device: DeviceId;
  /** The join of its snapshots and logs. */
  readonly state: SyncState;
  readonly imports: readonly ImportOp[];
  /** The latest stamp in its files: where its own clock starts, or what another device's clock has seen. */
  readonly latest: Stamp;
  /** The generations of its own logs and snapshots (copies aside). */
  readonly generations: readonly number[];
  /** The paths of the files read, copies included. */
  readonly files: readonly string[];
  /** The paths of the copies a sync tool left. */
  readonly copies: readonly string[];
}

interface PathProblem extends FileProblem {
  readonly path: string;
}

export interface LibraryFiles {
  readonly devices: ReadonlyMap<DeviceId, DeviceContribution>;
  readonly problems: readonly PathProblem[];
}

/** One file read: what it holds towards its device's contribution. */
export interface ReadFile {
  readonly path: string;
  readonly file: DeviceFile;
  readonly states: readonly SyncState[];
  readonly imports: readonly ImportOp[];
  readonly latest: Stamp;
  readonly problems: readonly PathProblem[];
}

function later(a: Stamp, b: Stamp): Stamp {
  return b > a ? b : a;
}

/**
 * One file of the library's folder read, or null when it is not a device's (nor a copy of one). A store reads again
 * only the files that changed, and keeps what it read of the others.
 */
export function readDeviceFile(path: string, text: string): ReadFile | null {
  const file = classifyPath(path);
  if (file === null) return null;
  const at = (found: readonly FileProblem[]): PathProblem[] => found.map((problem) => ({ path, ...problem }));
  switch (file.role.kind) {
    case 'ops': {
      const log = parseLog(text);
      const latest = log.ops.flatMap(stampsOf).reduce(later, ZERO_STAMP);
      return { path, file, states: [stateOfOps(log.ops)], imports: [], latest, problems: at(log.problems) };
    }
    case 'state': {
      const parsed = parseStateText(text);
      const states = parsed.versions.map((snapshot) => snapshot.state);
      const latest = parsed.versions.map((snapshot) => snapshot.frontier).reduce(later, ZERO_STAMP);
      return { path, file, states, imports: [], latest, problems: at(parsed.problems) };
    }
    case 'import': {
      const parsed = parseImportText(text);
      const latest = parsed.versions.map((op) => op.stamp).reduce(later, ZERO_STAMP);
      return { path, file, states: [], imports: parsed.versions, latest, problems: at(parsed.problems) };
    }
    case 'device':
      return { path, file, states: [], imports: [], latest: ZERO_STAMP, problems: [] };
  }
}

/** What every device contributed, from its files as read. */
export function contributionsOf(read: Iterable<ReadFile | null>): LibraryFiles {
  const byDevice = new Map<DeviceId, ReadFile[]>();
  const problems: PathProblem[] = [];
  for (const file of read) {
    if (file === null) continue;
    const mine = byDevice.get(file.file.device);
    if (mine === undefined) byDevice.set(file.file.device, [file]);
    else mine.push(file);
    problems.push(...file.problems);
  }
  const devices = new Map<DeviceId, DeviceContribution>();
  for (const [device, files] of [...byDevice].sort(([a], [b]) => compareCodePoints(a, b))) {
    const generations = new Set<number>();
    for (const { file } of files) {
      if (file.copy === null && (file.role.kind === 'ops' || file.role.kind === 'state'))
        generations.add(file.role.generation);
    }
    devices.set(device, {
      device,
      state: joinStates(files.flatMap((file) => file.states)),
      imports: files.flatMap((file) => file.imports),
      latest: files.map((file) => file.latest).reduce(later, ZERO_STAMP),
      generations: [...generations].sort((a, b) => a - b),
      files: files.map((file) => file.path),
      copies: files.filter((file) => file.file.copy !== null).map((file) => file.path),
    });
  }
  return { devices, problems };
}

export function readLibraryFiles(files: Iterable<FileText>): LibraryFiles {
  return contributionsOf([...files].map(({ path, text }) => readDeviceFile(path, text)));
}
