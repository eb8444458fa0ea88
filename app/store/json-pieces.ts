/**
 * A JSON file read a piece at a time: the counterpart of json-chunks.ts. Each member of the file's top-level object
 * is parsed on its own, and one that is an array an element at a time, from a buffer of a few megabytes: a library's
 * catalogue (150 MB at 100,000 papers) is never one string, which is twice the size of the file once a name holds a
 * letter outside Latin-1, nor one buffer. What it gives is what JSON.parse gives for the whole text; any file it
 * does not find laid out as a JSON object (a broken one among them) is read whole and given to JSON.parse, so that
 * it fails as JSON.parse does, with its message.
 *
 * Only ASCII bytes outside strings separate the pieces, and UTF-8 never uses those inside a character, so each
 * piece decodes to exactly its part of the whole text.
 */

/** The part of an open file this reads with. */
export interface ReadableFile {
  read(buffer: Buffer, offset: number, length: number, position: null): Promise<{ readonly bytesRead: number }>;
}

/** How much is read at a time; a piece larger than this (a digest of many papers) grows the buffer. */
const READ_BYTES = 4 * 1024 * 1024;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;

/** The file is not laid out as this reader reads it: it is read whole instead. */
class NotInPieces extends Error {}

/**
 * The JSON value of the file open as `file`, read from its current position; `readWhole` reads the whole file as
 * text, for the files this does not read in pieces. Throws what JSON.parse throws for text that is not JSON.
 */
export async function readJsonInPieces(
  file: ReadableFile,
  readWhole: () => Promise<string>,
  readBytes = READ_BYTES,
): Promise<unknown> {
  try {
    return await readObject(new ByteSource(file, readBytes));
  } catch (error) {
    if (!(error instanceof NotInPieces)) throw error;
  }
  return JSON.parse(await readWhole());
}

async function readObject(source: ByteSource): Promise<Record<string, unknown>> {
  const result: Record<string, unknown> = {};
  await source.skipSpace();
  source.expect(OPEN_BRACE);
  await source.skipSpace();
  if (source.peek() === CLOSE_BRACE) source.advance();
  else {
    for (;;) {
      if (source.peek() !== QUOTE) throw new NotInPieces();
      const key = (await source.parsed(QUOTE)) as string;
      await source.skipSpace();
      source.expect(COLON);
      await source.skipSpace();
      const value = source.peek() === OPEN_BRACKET ? await readArray(source) : await source.parsed(source.peek());
      // As JSON.parse makes it: an own property, "__proto__" too, the last of a key given twice.
      Object.defineProperty(result, key, { value, writable: true, enumerable: true, configurable: true });
      await source.skipSpace();
      const next = source.peek();
      source.advance();
      if (next === CLOSE_BRACE) break;
      if (next !== COMMA) throw new NotInPieces();
      await source.skipSpace();
    }
  }
  await source.skipSpace();
  if (!source.atEnd()) throw new NotInPieces();
  return result;
}

async function readArray(source: ByteSource): Promise<unknown[]> {
  const items: unknown[] = [];
  source.expect(OPEN_BRACKET);
  await source.skipSpace();
  if (source.peek() === CLOSE_BRACKET) {
    source.advance();
    return items;
  }
  for (;;) {
    items.push(await source.parsed(source.peek()));
    await source.skipSpace();
    const next = source.peek();
    source.advance();
    if (next === CLOSE_BRACKET) return items;
    if (next !== COMMA) throw new NotInPieces();
    await source.skipSpace();
  }
}

/** The file's bytes, read as far as they are needed, with the position of the next byte to look at. */
class ByteSource {
  #buffer: Buffer;
  /** Bytes read and not yet used are #buffer[#position, #end). */
  #position = 0;
  #end = 0;
  #ended = false;

  constructor(
    private readonly file: ReadableFile,
    readBytes: number,
  ) {
    this.#buffer = Buffer.allocUnsafe(readBytes);
  }

  /** The next byte (-1 at the end of the file); skipSpace or parsed has made sure it is read. */
  peek(): number {
    return this.#position < this.#end ? (this.#buffer[this.#position] ?? -1) : -1;
  }

  advance(): void {
    this.#position++;
  }

  atEnd(): boolean {
    return this.#ended && this.#position >= this.#end;
  }

  expect(byte: number): void {
    if (this.peek() !== byte) throw new NotInPieces();
    this.#position++;
  }

  /** Skips blank space, reading on until something else or the end of the file. */
  async skipSpace(): Promise<void> {
    for (;;) {
      while (this.#position < this.#end && isSpace(this.#buffer[this.#position] ?? 0)) this.#position++;
      if (this.#position < this.#end || this.#ended) return;
      await this.#readMore();
    }
  }

  /** The JSON value that starts at the current position with `first`, parsed; the position is then after it. */
  async parsed(first: number): Promise<unknown> {
    for (;;) {
      const end = valueEnd(this.#buffer, this.#position, this.#end, first, this.#ended);
      if (end >= 0) {
        const text = this.#buffer.toString('utf8', this.#position, end);
        this.#position = end;
        try {
          return JSON.parse(text);
        } catch {
          throw new NotInPieces();
        }
      }
      if (this.#ended) throw new NotInPieces();
      await this.#readMore();
    }
  }

  /** Reads on into the buffer: after what is still to be used, moved to its start, or into one twice as large. */
  async #readMore(): Promise<void> {
    const unused = this.#end - this.#position;
    if (this.#position > 0 && unused < this.#buffer.length / 2) {
      this.#buffer.copyWithin(0, this.#position, this.#end);
    } else {
      const larger = Buffer.allocUnsafe(this.#buffer.length * 2);
      this.#buffer.copy(larger, 0, this.#position, this.#end);
      this.#buffer = larger;
    }
    this.#position = 0;
    this.#end = unused;
    const { bytesRead } = await this.file.read(this.#buffer, this.#end, this.#buffer.length - this.#end, null);
    if (bytesRead === 0) this.#ended = true;
    this.#end += bytesRead;
  }
}

function isSpace(byte: number): boolean {
  return byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;
}

/**
 * Where the JSON value starting at `start` with `first` ends (the index after it), or -1 when the bytes before `end`
 * do not hold all of it. Only finds the end: JSON.parse then checks the value.
 */
function valueEnd(bytes: Buffer, start: number, end: number, first: number, ended: boolean): number {
  if (first === QUOTE) return stringEnd(bytes, start, end);
  if (first !== OPEN_BRACE && first !== OPEN_BRACKET) {
    // A number, true, false or null: up to the next byte that ends it, which must have been read.
    for (let index = start; index < end; index++) {
      const byte = bytes[index] ?? 0;
      if (byte === COMMA || byte === CLOSE_BRACE || byte === CLOSE_BRACKET || isSpace(byte)) return index;
    }
    return ended ? end : -1;
  }
  let depth = 0;
  for (let index = start; index < end; index++) {
    const byte = bytes[index];
    if (byte === QUOTE) {
      const after = stringEnd(bytes, index, end);
      if (after < 0) return -1;
      index = after - 1;
    } else if (byte === OPEN_BRACE || byte === OPEN_BRACKET) depth++;
    else if (byte === CLOSE_BRACE || byte === CLOSE_BRACKET) {
      depth--;
      if (depth === 0) return index + 1;
    }
  }
  return -1;
}

/** The index after the `"` closing the string that opens at `open`, or -1 when it is not read yet. */
function stringEnd(bytes: Buffer, open: number, end: number): number {
  for (let quote = bytes.indexOf(QUOTE, open + 1); quote >= 0 && quote < end; quote = bytes.indexOf(QUOTE, quote + 1)) {
    // Escaped when an odd number of backslashes stands before it.
    let backslashes = 0;
    while (bytes[quote - 1 - backslashes] === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return quote + 1;
  }
  return -1;
}
