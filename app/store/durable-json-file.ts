import type { Adapter } from 'lowdb';

import { nodeFs, writeFileAtomically, type DurableFs } from './atomic-write.js';
import { corruptFileError, isErrorCode, newerFileError } from './errors.js';
import { jsonChunks } from './json-chunks.js';
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
    let text: string;
    try {
      text = await this.#fs.readFile(this.#file, 'utf8');
    } catch (error) {
      if (isErrorCode(error, 'ENOENT')) return null;
      throw error;
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw corruptFileError(
        this.#file,
        `it is not valid JSON (${error instanceof Error ? error.message : String(error)})`,
      );
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
