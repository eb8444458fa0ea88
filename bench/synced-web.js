// Browser mode as `npm run web` starts it (the built app, dist/), but over a synced library: the library service is
// given SyncedLibraryStore in place of the store openLibraryStore gives, until that opens synced libraries itself.
// The synced store's options come in SHELFMARK_BENCH_SYNCED: {"appData": ..., "device": {id, name, since}}.

import { join } from 'node:path';
import process from 'node:process';
import { pathToFileURL } from 'node:url';

const dist = process.env['SHELFMARK_BENCH_DIST'] ?? join(import.meta.dirname, '..', 'dist');
const options = JSON.parse(process.env['SHELFMARK_BENCH_SYNCED'] ?? '{}');
const load = (file) => import(pathToFileURL(join(dist, 'app', ...file.split('/'))).href);
const { LibraryService } = await load('library-service.js');
const { openSyncedLibraryStore } = await load('sync/synced-library-store.js');
const stores = new WeakMap();
LibraryService.prototype.store = function store() {
  let opened = stores.get(this);
  if (opened === undefined) {
    opened = openSyncedLibraryStore(this.paths.catalogue, options);
    stores.set(this, opened);
  }
  return opened;
};
await load('web.js');
