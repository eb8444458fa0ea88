/**
 * A library folder a test writes by hand (a library as an older Shelfmark left it), and services opened on it,
 * their clock at noon on 2026-03-11 UTC; each test gets a fresh folder, removed with its services after it.
 */

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { LibraryService } from '../app/library-service.js';
import { bundledSampleDigest } from '../app/resources.js';

export interface LibraryFolder {
  /** The folder of the test running now. */
  readonly path: () => string;
  /** A service on the folder's library.json. */
  readonly open: () => LibraryService;
}

export function libraryFolder(prefix: string): LibraryFolder {
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
    path: () => directory,
    open: () => {
      const service = new LibraryService(join(directory, 'library.json'), {
        sampleDigest: bundledSampleDigest(),
        now: () => new Date('2026-03-11T12:00:00.000Z'),
      });
      services.push(service);
      return service;
    },
  };
}
