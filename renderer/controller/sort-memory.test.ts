import { describe, expect, it } from 'vitest';
import type { LibraryApi } from '../../core/api.js';
import type { Paper } from '../../core/model.js';
import { outlineColumns, paper } from '../../tests/builders.js';
import type { WorkerPort } from '../search/protocol.js';
import { visibleIds } from '../state/visible.js';
import { Controller } from './controller.js';
import { readListSorts, writeListSorts, type PreferenceStorage } from './sort-memory.js';

/** A localStorage in memory; `broken` makes every call throw, as storage that is off does. */
function memoryStorage(broken = false): PreferenceStorage & { readonly items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key) => {
      if (broken) throw new Error('storage is off');
      return items.get(key) ?? null;
    },
    setItem: (key, value) => {
      if (broken) throw new Error('storage is off');
      items.set(key, value);
    },
  };
}

const silentPort: WorkerPort = { postMessage: () => undefined, onMessage: () => undefined, terminate: () => undefined };

function apiOf(papers: readonly Paper[]): LibraryApi {
  const api: Partial<LibraryApi> = {
    getLibraryOutline: () => Promise.resolve({ papers: outlineColumns(papers), digests: [], readOnly: null }),
    getPapers: (offset: number, limit: number) => Promise.resolve(papers.slice(offset, offset + limit)),
    getPaper: (id: string) => Promise.resolve(papers.find((candidate) => candidate.id === id) ?? paper(id)),
    listPossibleDuplicates: () => Promise.resolve([]),
  };
  return api as LibraryApi;
}

const PAPERS = [
  paper('a', { title: 'Beta', facts: { hfUpvotes: 2 } }),
  paper('b', { title: 'Alpha', facts: { hfUpvotes: 9 } }),
  paper('c', { title: 'Gamma', status: 'read' }),
];
const UNREAD = { kind: 'status', status: 'unread' } as const;

describe('the sorts remembered per view', () => {
  it('come back in the next session, each view its own', async () => {
    const storage = memoryStorage();
    const first = new Controller(apiOf(PAPERS), silentPort, storage);
    await first.load();
    first.setSort({ by: 'title', reverse: false });
    first.setFilter(UNREAD);
    first.setSort({ by: 'upvotes', reverse: false });
    first.dispose();

    const next = new Controller(apiOf(PAPERS), silentPort, storage);
    await next.load();
    expect(visibleIds(next.state)).toEqual(['b', 'a', 'c']);
    next.setFilter(UNREAD);
    expect(visibleIds(next.state)).toEqual(['b', 'a']);
    next.setFilter({ kind: 'tag', tag: 'none' });
    expect(next.state.sorts.size).toBe(2);
    next.dispose();
  });

  it('leave out what cannot be read, and hold for the session when storage is off', async () => {
    const storage = memoryStorage();
    storage.setItem(
      'shelfmark.listSorts',
      JSON.stringify({ all: { by: 'size', reverse: false }, 'status:read': { by: 'year', reverse: true }, x: 1 }),
    );
    expect([...readListSorts(storage)]).toEqual([['status:read', { by: 'year', reverse: true }]]);
    storage.setItem('shelfmark.listSorts', '{not json');
    expect(readListSorts(storage).size).toBe(0);

    const off = memoryStorage(true);
    expect(readListSorts(off).size).toBe(0);
    expect(() => {
      writeListSorts(off, new Map([['all', { by: 'title', reverse: false }]]));
    }).not.toThrow();
    const controller = new Controller(apiOf(PAPERS), silentPort, off);
    await controller.load();
    controller.setSort({ by: 'title', reverse: true });
    expect(visibleIds(controller.state)).toEqual(['c', 'a', 'b']);
    controller.dispose();
  });

  it('keep the views sorted last, at most 200', () => {
    const storage = memoryStorage();
    const sorts = new Map(
      Array.from({ length: 250 }, (_, n) => [`tag:t${String(n)}`, { by: 'year', reverse: false }] as const),
    );
    writeListSorts(storage, sorts);
    const read = readListSorts(storage);
    expect(read.size).toBe(200);
    expect(read.has('tag:t49')).toBe(false);
    expect(read.has('tag:t249')).toBe(true);
  });
});
