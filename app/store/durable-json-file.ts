import type { Adapter } from 'lowdb';

import { nodeFs, writeFileAtomically, type DurableFs } from './atomic-write.js';
import { corruptFileError, isErrorCode, newerFileError } from './errors.js';
import { jsonChunks } from './json-chunks.js';
import { readJsonInPieces } from './json-pieces.js';
import { decode, type FileFormat } from './schema.js';

/**
 * A lowdb adapter for a JSON file that is checked against its format on read
 * and replaced atomically and durably on write.
 */
export class DurableJsonFile<T> implements Adapter<T> {
  readonly #file: string;
  readonly #format: FileFormat<T>;
  readonly #fs: DurableFs;

  constructor(file: string, format: FileFormat<T>, fs: DurableFs = nodeFs) {
    this.#file = file;
    this.#format = format;
    this.#fs = fs;
  }

  /** The file's data, upgraded to the current version; null when there is no file. Throws LibraryFileError when it cannot be used. */
  async read(): Promise<T | null> {
    let handle;
    try {
      handle = await this.#fs.openForReading(this.#file);
    } catch (error) {
      if (isErrorCode(error, 'ENOENT')) return null;
      throw error;
    }
    let json: unknown;
    try {
      // In pieces: the catalogue can reach 150 MB, twice that as one string.
      json = await readJsonInPieces(handle, () => this.#fs.readFile(this.#file, 'utf8'));
    } catch (error) {
      if (!(error instanceof SyntaxError)) throw error;
      throw corruptFileError(this.#file, `it is not valid JSON (${error.message})`);
    } finally {
      await handle.close();
    }
    const decoded = decode(json, this.#format);
    if (!decoded.ok) {
      throw decoded.newer ? newerFileError(this.#file, decoded.problem) : corruptFileError(this.#file, decoded.problem);
    }
    return decoded.value;
  }

  // Compact: the catalogue can reach 150 MB, and nobody reads it by eye at that size. In pieces, for the same reason.
  write(data: T): Promise<void> {
    return writeFileAtomically(this.#file, jsonChunks(data), { fs: this.#fs });
  }
}
