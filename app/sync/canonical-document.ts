/**
 * A canonical JSON document (core/sync/canonical-json-parts.ts) written whole, atomically and durably, a piece at a
 * time. The text of an element of its top-level arrays (a paper, a digest) that this process wrote before, to a file
 * still as it left it, is copied from that file rather than made again: the papers of an import go into
 * `library.json` as they went into the import's document, and the papers an import leaves as they were, as they
 * were in the `library.json` before. Each element's text is the canonical text of that very object (papers are
 * never changed in place), so the bytes are those canonicalJson makes.
 */

import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import * as fsp from 'node:fs/promises';

import { canonicalJsonPieces, elementText, type Element } from '../../core/sync/canonical-json-parts.js';
import { nodeFs, writeFileAtomically, type DurableFs } from '../store/atomic-write.js';
import { sameStamp, stampOfStats, type FileStamp } from '../store/file-stamp.js';
import { CHUNK_BYTES, ChunkFiller } from '../store/json-chunks.js';

/** A document this process wrote: where, and its stamp once in place. */
interface Source {
  readonly path: string;
  readonly stamp: FileStamp;
}

/** Where an element's text is: its bytes in a document written here. */
interface Written {
  readonly source: Source;
  readonly start: number;
  readonly end: number;
}

const writtenAt = new WeakMap<object, Written>();

/** What writeCanonicalDocument wrote: the file's stamp once in place, and how many elements it copied. */
export interface WrittenDocument {
  readonly stamp: FileStamp | null;
  readonly copied: number;
}

/** Writes `value`'s canonical JSON text to `file` (whose folder exists). */
export function writeCanonicalDocument(file: string, value: unknown): Promise<WrittenDocument> {
  return writeDocumentPieces(file, canonicalJsonPieces(value));
}

/**
 * An element whose text is given, as UTF-8 in pieces: an element kept on disk (the command line's import of a large
 * file), whose object stands in for it, and whose text later documents copy from this one, as any element's.
 */
export interface ElementText extends Element {
  readonly text: readonly Uint8Array[];
}

/**
 * Writes the text `pieces` make (canonical-json-parts.ts: text, and elements written as their canonical text) to
 * `file` (whose folder exists): a document laid out otherwise than canonicalJson would, its elements still copied.
 */
export async function writeDocumentPieces(
  file: string,
  pieces: Iterable<string | Element | ElementText>,
): Promise<WrittenDocument> {
  const placed: Placed[] = [];
  const copies = { count: 0 };
  const taken: { stamp: FileStamp | null } = { stamp: null };
  // The temp file's stamp, taken once it is written: the file's once renamed into place, whatever comes after.
  const fs: DurableFs = {
    ...nodeFs,
    open: async (path, flags) => {
      const handle = await fsp.open(path, flags);
      const first = taken.stamp === null && flags === 'wx';
      return {
        writeFile: (data) => handle.writeFile(data),
        sync: () => handle.sync(),
        close: async () => {
          if (first) taken.stamp = stampOfStats(await handle.stat());
          await handle.close();
        },
      };
    },
  };
  await writeFileAtomically(file, documentChunks(pieces, placed, copies), { fs });
  if (taken.stamp === null) return { stamp: null, copied: copies.count };
  const source: Source = { path: file, stamp: taken.stamp };
  for (const { element, start, end } of placed) writtenAt.set(element, { source, start, end });
  return { stamp: taken.stamp, copied: copies.count };
}

interface Placed {
  readonly element: object;
  readonly start: number;
  readonly end: number;
}

/**
 * The document's UTF-8 bytes in pieces of about a megabyte, two buffers filled in turn (a piece must be used before
 * the one after the next is asked for: one is written while the next is made); `placed` gets where each element
 * object's text went.
 */
function* documentChunks(
  pieces: Iterable<string | Element | ElementText>,
  placed: Placed[],
  copies: { count: number },
): Generator<Uint8Array, void, undefined> {
  const chunks = new ChunkFiller();
  const sources = new SourceReader();
  try {
    for (const piece of pieces) {
      if (typeof piece === 'string') {
        yield* chunks.text(piece);
        continue;
      }
      const { element } = piece;
      const object = typeof element === 'object' && element !== null ? element : null;
      if ('text' in piece) {
        const start = chunks.size;
        for (const bytes of piece.text) yield* chunks.bytes(bytes);
        if (object !== null) placed.push({ element: object, start, end: chunks.size });
        continue;
      }
      const before = object === null ? undefined : writtenAt.get(object);
      const bytes = before === undefined ? null : sources.bytes(before);
      if (bytes !== null) copies.count += 1;
      const start = bytes === null ? yield* chunks.text(elementText(element)) : yield* chunks.bytes(bytes);
      if (object !== null) placed.push({ element: object, start, end: chunks.size });
    }
    yield* chunks.end();
  } finally {
    sources.close();
  }
}

/** Reads elements' bytes back from the documents they were written to, a window of a megabyte at a time. */
class SourceReader {
  readonly #open = new Map<Source, { readonly fd: number; from: number; to: number; readonly window: Buffer } | null>();

  /** The element's bytes, or null when its document is gone or not as this process left it. */
  bytes(written: Written): Buffer | null {
    const file = this.#file(written.source);
    if (file === null) return null;
    const length = written.end - written.start;
    if (written.start < file.from || written.end > file.to) {
      if (length > file.window.length) return readAt(file.fd, Buffer.allocUnsafe(length), written.start);
      file.from = written.start;
      file.to = written.start + readInto(file.fd, file.window, written.start);
      if (written.end > file.to) return null;
    }
    return file.window.subarray(written.start - file.from, written.end - file.from);
  }

  close(): void {
    for (const file of this.#open.values()) if (file !== null) closeSync(file.fd);
    this.#open.clear();
  }

  #file(source: Source) {
    let file = this.#open.get(source);
    if (file === undefined) {
      file = null;
      try {
        const fd = openSync(source.path, 'r');
        if (sameStamp(stampOfStats(fstatSync(fd)), source.stamp)) {
          file = { fd, from: 0, to: 0, window: Buffer.allocUnsafe(CHUNK_BYTES) };
        } else closeSync(fd);
      } catch {
        // Gone: its elements are written from their values.
      }
      this.#open.set(source, file);
    }
    return file;
  }
}

/** Reads up to `buffer.length` bytes at `position`; how many there were. */
function readInto(fd: number, buffer: Buffer, position: number): number {
  let done = 0;
  while (done < buffer.length) {
    const read = readSync(fd, buffer, done, buffer.length - done, position + done);
    if (read === 0) break;
    done += read;
  }
  return done;
}

function readAt(fd: number, buffer: Buffer, position: number): Buffer | null {
  return readInto(fd, buffer, position) === buffer.length ? buffer : null;
}
