/** The core's searches in bytes (core/import/byte-search.ts), done by Node's Buffer. */

import { Buffer, isUtf8 } from 'node:buffer';
import type { ByteSearch } from '../core/import/byte-search.js';

export const nodeByteSearch: ByteSearch = {
  isUtf8: (bytes) => isUtf8(bytes),
  indexOf: (bytes, byte, from) => asBuffer(bytes).indexOf(byte, from),
  ascii: (bytes) => asBuffer(bytes).toString('ascii'),
};

/** A file read by the import is a Buffer already: a view is made only of other bytes. */
function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
