/**
 * JSON.stringify's compact text of a value, as UTF-8 in pieces of about a megabyte: a library's catalogue is written
 * without ever being one string (150 MB at 100,000 papers, twice that once a name holds a letter outside Latin-1)
 * nor one buffer. The arrays of the top-level object are written an element at a time, each element's text encoded
 * straight into the piece being filled; the rest as JSON.stringify does.
 */

const CHUNK_BYTES = 1024 * 1024;

/** The most bytes UTF-8 takes for one UTF-16 code unit. */
const MOST_BYTES_PER_UNIT = 3;

/**
 * The pieces of `value`'s JSON text. Two buffers are filled in turn: a piece must be used (written) before the one
 * after the next is asked for.
 */
export function jsonChunks(value: unknown, chunkBytes = CHUNK_BYTES): Generator<Uint8Array, void, undefined> {
  return utf8Chunks(jsonParts(value), chunkBytes);
}

/**
 * Texts encoded as UTF-8 one after the other into a buffer, handed on each time it is full, while the other buffer
 * is filled (so that one piece is written while the next is made: a piece must be used before the one after the next
 * is asked for); a text larger than the buffer is a piece of its own.
 */
export function* utf8Chunks(texts: Iterable<string>, chunkBytes = CHUNK_BYTES): Generator<Uint8Array, void, undefined> {
  const buffers = [Buffer.allocUnsafe(chunkBytes), Buffer.allocUnsafe(chunkBytes)] as const;
  let chunk = buffers[0];
  let length = 0;
  for (const text of texts) {
    // Most texts are a paper's, a few kilobytes, and fit without being measured first.
    const bytes = text.length * MOST_BYTES_PER_UNIT <= chunkBytes - length ? 0 : Buffer.byteLength(text);
    if (bytes > chunkBytes - length) {
      if (length > 0) {
        yield chunk.subarray(0, length);
        chunk = chunk === buffers[0] ? buffers[1] : buffers[0];
      }
      length = 0;
      if (bytes > chunkBytes) {
        yield Buffer.from(text);
        continue;
      }
    }
    length += chunk.write(text, length);
  }
  if (length > 0) yield chunk.subarray(0, length);
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
