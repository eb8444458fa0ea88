import path from 'node:path';

/** The files of one library, all beside its catalogue. */
export interface LibraryPaths {
  /** Papers and digests: large, written only by imports. */
  readonly catalogue: string;
  /** Every paper's reading state as of the last compaction. */
  readonly stateSnapshot: string;
  /** Reading-state changes since the snapshot, one JSON line per change. */
  readonly writeAheadLog: string;
  /** The catalogue's outline, derived from it for a quick first list (see outline-file.ts). */
  readonly outline: string;
  /** What ranking knows of each paper's terms (core/rank/term-index.ts), made again whenever it is missing. */
  readonly rankCache: string;
  /** The lock every writer holds while it reads, changes and writes the library. */
  readonly lock: string;
  readonly directory: string;
}

/** The files of the library whose catalogue is `catalogue`, e.g. library.json → library.state.json, library.state.log. */
export function libraryPaths(catalogue: string): LibraryPaths {
  const absolute = path.resolve(catalogue);
  const stem = absolute.endsWith('.json') ? absolute.slice(0, -'.json'.length) : absolute;
  return {
    catalogue: absolute,
    stateSnapshot: `${stem}.state.json`,
    writeAheadLog: `${stem}.state.log`,
    outline: `${stem}.outline.json`,
    rankCache: `${stem}.rank-cache`,
    lock: `${absolute}.lock`,
    directory: path.dirname(absolute),
  };
}
