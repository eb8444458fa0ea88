/** A library folder of its own for each test, and services opened on it as newly started processes open one. */

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { LibraryService } from '../app/library-service.js';
import { appDataDirectory } from '../app/library-location.js';
import { bundledSampleDigest } from '../app/resources.js';
import { libraryPaths } from '../app/store/library-paths.js';
import { backupPlace } from '../app/sync/local-journal.js';

export interface LibraryFolder {
  /** A file of the folder: `library.json`, `library.state.json`… */
  readonly path: (name: string) => string;
  /** A service on the folder's library, as a newly started process has it: nothing read yet. */
  readonly open: () => LibraryService;
  /** A file in one of this computer's backups of the library (kept in the test's app-data folder). */
  readonly backupFile: (backup: string, name: string) => Promise<string>;
}

/** Made before each test of the file and removed after it, every service opened on it closed first. */
export function useLibraryFolder(prefix: string, now: string): LibraryFolder {
  let directory = '';
  let services: LibraryService[] = [];
  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), prefix));
    services = [];
  });
  afterEach(async () => {
    await Promise.all(services.map((service) => service.close()));
    await rm(directory, { recursive: true, force: true });
  });
  return {
    path: (name) => join(directory, name),
    open: () => {
      const service = new LibraryService(join(directory, 'library.json'), {
        sampleDigest: bundledSampleDigest(),
        now: () => new Date(now),
      });
      services.push(service);
      return service;
    },
    backupFile: async (backup, name) => {
      const place = await backupPlace(appDataDirectory(), libraryPaths(join(directory, 'library.json')));
      return join(place.folder, backup, name);
    },
  };
}
