/**
 * JSON.stringify's compact text of a value, as UTF-8 in pieces of about a megabyte: a library's catalogue is written
 * without ever being one string (150 MB at 100,000 papers, twice that once a name holds a letter outside Latin-1)
 * nor one buffer. The arrays of the top-level object are written an element at a time, each element's text encoded
 * straight into the piece being filled; the rest as JSON.stringify does.
 */

/** The size of a piece: a megabyte. */
export const CHUNK_BYTES = 1024 * 1024;

/** The most bytes UTF-8 takes for one UTF-16 code unit. */
const MOST_BYTES_PER_UNIT = 3;

/**
 * The pieces of `value`'s JSON text. Two buffers are filled in turn: a piece must be used (written) before the one
 * after the next is asked for.
 */
export function jsonChunks(value: unknown, chunkBytes = CHUNK_BYTES): Generator<Uint8Array, void, undefined> {
  return utf8Chunks(jsonParts(value), chunkBytes);
}

/** Texts encoded as UTF-8 one after the other, in pieces (ChunkFiller). */
function* utf8Chunks(texts: Iterable<string>, chunkBytes = CHUNK_BYTES): Generator<Uint8Array, void, undefined> {
  const chunks = new ChunkFiller(chunkBytes);
  for (const text of texts) yield* chunks.text(text);
  yield* chunks.end();
}

/**
 * Texts (as UTF-8) and bytes put one after the other into a buffer, handed on each time it is full while the other
 * buffer is filled, so that one piece is written while the next is made: a piece must be used before the one after
 * the next is asked for. A text or bytes larger than the buffer are a piece of their own. Each of `text`, `bytes`
 * and `end` gives the pieces to hand on; the first two return where what was put in starts.
 */
export class ChunkFiller {
  readonly #buffers: readonly [Buffer, Buffer];
  #chunk: Buffer;
  #length = 0;
  /** The bytes handed on before this chunk. */
  #offset = 0;

  constructor(private readonly chunkBytes = CHUNK_BYTES) {
    this.#buffers = [Buffer.allocUnsafe(chunkBytes), Buffer.allocUnsafe(chunkBytes)];
    this.#chunk = this.#buffers[0];
  }

  /** How many bytes have been put in. */
  get size(): number {
    return this.#offset + this.#length;
  }

  *text(text: string): Generator<Uint8Array, number, undefined> {
    // Most texts are a paper's, a few kilobytes, and fit without being measured first.
    const room = this.chunkBytes - this.#length;
    const bytes = text.length * MOST_BYTES_PER_UNIT <= room ? 0 : Buffer.byteLength(text);
    if (bytes > room) {
      yield* this.#handOn();
      if (bytes > this.chunkBytes) return yield* this.#alone(Buffer.from(text));
    }
    const start = this.size;
    this.#length += this.#chunk.write(text, this.#length);
    return start;
  }

  *bytes(bytes: Uint8Array): Generator<Uint8Array, number, undefined> {
    if (bytes.length > this.chunkBytes - this.#length) {
      yield* this.#handOn();
      if (bytes.length > this.chunkBytes) return yield* this.#alone(bytes);
    }
    const start = this.size;
    this.#chunk.set(bytes, this.#length);
    this.#length += bytes.length;
    return start;
  }

  /** The last piece. */
  *end(): Generator<Uint8Array, void, undefined> {
    yield* this.#handOn();
  }

  /** Hands on the piece filled so far; the next is filled in the other buffer. */
  *#handOn(): Generator<Uint8Array, void, undefined> {
    if (this.#length === 0) return;
    yield this.#chunk.subarray(0, this.#length);
    this.#chunk = this.#chunk === this.#buffers[0] ? this.#buffers[1] : this.#buffers[0];
    this.#offset += this.#length;
    this.#length = 0;
  }

  /** Bytes too large for a buffer, handed on as they are (after the piece before them). */
  *#alone(bytes: Uint8Array): Generator<Uint8Array, number, undefined> {
    const start = this.#offset;
    yield bytes;
    this.#offset += bytes.length;
    return start;
  }
}

function* jsonParts(value: unknown): Generator<string, void, undefined> {
  if (!isPlainObject(value)) {
    yield json(value);
    return;
  }
  yield '{';
  let separator = '';
  for (const [key, field] of Object.entries(value)) {
    if (Array.isArray(field)) {
      yield `${separator}${JSON.stringify(key)}:[`;
      for (let index = 0; index < field.length; index++) {
        // Apart: joined, the two would be copied into one string for every element.
        if (index > 0) yield ',';
        yield json(field[index]);
      }
      yield ']';
    } else {
      const text = JSON.stringify(field) as string | undefined;
      if (text === undefined) continue; // as JSON.stringify leaves out undefined and functions
      yield `${separator}${JSON.stringify(key)}:${text}`;
    }
    separator = ',';
  }
  yield '}';
}

/** An array element's text: JSON.stringify writes `null` for what it cannot write. */
function json(value: unknown): string {
  const text = JSON.stringify(value) as string | undefined;
  return text ?? 'null';
}

function isPlainObject(value: unknown): value is Readonly<Record<string, unknown>> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return (prototype === Object.prototype || prototype === null) && !('toJSON' in value);
}
