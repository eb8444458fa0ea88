/** From a digest file's bytes to its text, refusing what is not a text digest. */

import type { ByteSearch } from './byte-search.js';
import { normalizeLineEndings } from './whitespace.js';
import { DigestError } from './types.js';

const MIB = 1024 * 1024;
export const MAX_DIGEST_BYTES = 32 * MIB;

/** How much of the file the control-character test looks at. */
const BINARY_SAMPLE_BYTES = 64 * 1024;
/** Text has tabs and line breaks, and now and then a stray form feed; binary data has plenty of others. */
const MAX_CONTROL_SHARE = 0.05;
/**
 * UTF-16 without a BOM, of mostly Latin text: at least this share of its code units has a NUL byte, always
 * on the same side (the high byte of an ASCII character)…
 */
const MIN_UTF16_NUL_SHARE = 0.5;
/** …and at most this share has one on the other side. */
const MAX_UTF16_OTHER_NUL_SHARE = 0.02;

const BINARY_MESSAGE = 'it looks like a binary file, not a digest';
const UTF16_MESSAGE = 'it is UTF-16 text; Shelfmark reads UTF-8, so save it as UTF-8 and import it again';

/**
 * The file's text with any BOM removed and line endings as "\n".
 * Throws DigestError when the file is empty, too large, binary or not UTF-8. The messages do not
 * name the file (the caller does), and the bytes are judged by content alone, so the file name is
 * unused for now.
 */
export function decodeDigest(bytes: Uint8Array, _fileName: string): string {
  if (bytes.length === 0) throw new DigestError('the file is empty');
  if (bytes.length > MAX_DIGEST_BYTES) {
    throw new DigestError(
      `the file is ${(bytes.length / MIB).toFixed(1)} MB, over the ${MAX_DIGEST_BYTES / MIB} MB limit for a digest`,
    );
  }
  if (hasUtf16Bom(bytes) || looksLikeUtf16(bytes)) throw new DigestError(UTF16_MESSAGE);
  if (looksBinary(bytes)) throw new DigestError(BINARY_MESSAGE);
  const decoded = decodeUtf8(bytes);
  // A NUL anywhere makes it binary: looked for in the text, where the search is many times faster than in bytes.
  if (decoded.includes('\0')) throw new DigestError(BINARY_MESSAGE);
  const text = normalizeLineEndings(decoded);
  if (text.trim() === '') throw new DigestError('the file is empty (it holds only blank space)');
  return text;
}

const PLAIN_DECODER = new TextDecoder('utf-8', { ignoreBOM: true });

/**
 * The text of bytes that are their text as is (startsAsPlainUtf8 and isPlainUtf8Piece said so of their file): a
 * window of a BibTeX file, or a piece of it cut at ASCII bytes.
 */
export function decodePlainUtf8(bytes: Uint8Array): string {
  return PLAIN_DECODER.decode(bytes);
}

/** How many of a file's first bytes startsAsPlainUtf8 looks at. */
export const PLAIN_START_BYTES = BINARY_SAMPLE_BYTES;

/**
 * Whether decodeDigest would give a file's UTF-8 decoding as it is, told without decoding it (a BibTeX file read in
 * windows, bibtex-first-pass.ts), in two parts: this one by its first bytes (`start`: its first PLAIN_START_BYTES,
 * or all of it): no BOM to take off, not UTF-16, not binary; and isPlainUtf8Piece by each piece of it. Any piece of
 * such a file, cut at ASCII bytes, is then its bytes' decoding.
 */
export function startsAsPlainUtf8(start: Uint8Array): boolean {
  return (
    !hasUtf16Bom(start) &&
    !(start[0] === 0xef && start[1] === 0xbb && start[2] === 0xbf) &&
    !looksLikeUtf16(start) &&
    !looksBinary(start)
  );
}

/**
 * startsAsPlainUtf8's second part, for each piece of a file cut before an ASCII byte: well-formed UTF-8 without a NUL
 * nor a "\r".
 */
export function isPlainUtf8Piece(piece: Uint8Array, search: ByteSearch): boolean {
  return search.indexOf(piece, 0x00, 0) < 0 && search.indexOf(piece, 0x0d, 0) < 0 && search.isUtf8(piece);
}

function hasUtf16Bom(bytes: Uint8Array): boolean {
  return (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
}

/**
 * UTF-16 without a BOM: in Latin text every other byte is a NUL, and read as UTF-16 it is text, with
 * no more control characters than text has.
 */
function looksLikeUtf16(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, BINARY_SAMPLE_BYTES - (BINARY_SAMPLE_BYTES % 2));
  const units = Math.floor(sample.length / 2);
  if (units < 2) return false;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < units * 2; i += 2) {
    if (sample[i] === 0) even++;
    if (sample[i + 1] === 0) odd++;
  }
  const littleEndian = odd >= even;
  const [high, low] = littleEndian ? [odd, even] : [even, odd];
  if (high < units * MIN_UTF16_NUL_SHARE || low > units * MAX_UTF16_OTHER_NUL_SHARE) return false;
  const text = new TextDecoder(littleEndian ? 'utf-16le' : 'utf-16be').decode(sample.subarray(0, units * 2));
  let controls = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80 && isUnexpectedControl(code)) controls++;
  }
  return controls / units <= MAX_CONTROL_SHARE;
}

/** By its first bytes; a NUL further on is found once the text is decoded. */
function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, BINARY_SAMPLE_BYTES);
  if (sample.includes(0)) return true;
  let controls = 0;
  for (let index = 0; index < sample.length; index++) if (isUnexpectedControl(sample[index] ?? 0)) controls++;
  return controls / sample.length > MAX_CONTROL_SHARE;
}

function isUnexpectedControl(byte: number): boolean {
  const tabOrLineBreak = byte === 0x09 || byte === 0x0a || byte === 0x0c || byte === 0x0d;
  return (byte < 0x20 && !tabOrLineBreak) || byte === 0x7f;
}

function decodeUtf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    if (bytes.includes(0)) throw new DigestError(BINARY_MESSAGE);
    const offset = firstInvalidUtf8Offset(bytes);
    const where = offset === null ? '' : ` (byte ${offset} is 0x${hex(bytes[offset] ?? 0)})`;
    throw new DigestError(`it is not valid UTF-8 text${where}; save it as UTF-8 and import it again`);
  }
}

function hex(byte: number): string {
  return byte.toString(16).toUpperCase().padStart(2, '0');
}

/**
 * Where the first malformed UTF-8 sequence starts (0-based), by the WHATWG decoder's rules: no
 * overlong forms, no surrogates, nothing above U+10FFFF. TextDecoder says only that there is one.
 */
export function firstInvalidUtf8Offset(bytes: Uint8Array): number | null {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i] ?? 0;
    const length = sequenceLength(lead);
    if (length === 0) return i;
    const [low, high] = secondByteRange(lead);
    for (let k = 1; k < length; k++) {
      const byte = bytes[i + k];
      const min = k === 1 ? low : 0x80;
      const max = k === 1 ? high : 0xbf;
      if (byte === undefined || byte < min || byte > max) return i;
    }
    i += length;
  }
  return null;
}

function sequenceLength(lead: number): number {
  if (lead < 0x80) return 1;
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

function secondByteRange(lead: number): readonly [number, number] {
  if (lead === 0xe0) return [0xa0, 0xbf];
  if (lead === 0xed) return [0x80, 0x9f];
  if (lead === 0xf0) return [0x90, 0xbf];
  if (lead === 0xf4) return [0x80, 0x8f];
  return [0x80, 0xbf];
}
