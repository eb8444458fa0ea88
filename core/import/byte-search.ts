/**
 * Searches in bytes that the platform does natively (Node's Buffer: `isUtf8`, `indexOf`), many times faster than
 * JavaScript can: given by the shell, as the core imports no node:*. With them, the first pass of an import finds a
 * BibTeX file's blocks in its bytes, without decoding the whole file to text (bibtex-first-pass.ts).
 */
export interface ByteSearch {
  /** Whether the bytes are well-formed UTF-8, as TextDecoder's fatal mode judges it. */
  readonly isUtf8: (bytes: Uint8Array) => boolean;
  /** Where `byte` first is in `bytes` at or after `from`; -1 when nowhere. */
  readonly indexOf: (bytes: Uint8Array, byte: number, from: number) => number;
  /**
   * The bytes as ASCII text, a character for each byte, of its low seven bits (Node's "ascii"): what a search for an
   * ASCII word runs on fastest. In UTF-8 the bytes of other characters give no two letters in a row. Without it, the
   * core decodes them as UTF-8.
   */
  readonly ascii?: (bytes: Uint8Array) => string;
}
