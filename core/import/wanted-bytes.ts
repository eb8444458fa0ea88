/** What of a file a pass of an import over it wants next (index.ts, ImportFiles): the shell reads it. Pure. */

/** Bytes of a file: `length` of them from byte `from` on, or (length null) all of them. */
export interface WantedBytes {
  readonly from: number;
  readonly length: number | null;
}

/** The piece of a file's bytes that a pass wants. */
export function bytesWanted(bytes: Uint8Array, wanted: WantedBytes): Uint8Array {
  return wanted.length === null ? bytes : bytes.subarray(wanted.from, wanted.from + wanted.length);
}

/** What is said of a file whose bytes were not the same from one read of an import to the next. */
export const CHANGED_WHILE_IMPORTED = 'it changed while it was being imported; import it again';
