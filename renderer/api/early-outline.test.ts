import { describe, expect, it } from 'vitest';
import type { LibraryApi, LibraryOutline } from '../../core/api.js';
import { outlineColumns, paper } from '../../tests/builders.js';
import { withOutlineAskedEarly } from './early-outline.js';

describe('the outline asked for early', () => {
  it('answers the first call, and every later call asks the library again', async () => {
    const asked: string[] = [];
    const fresh: LibraryOutline = { papers: outlineColumns([paper('b')]), digests: [], readOnly: null };
    const api = { getLibraryOutline: () => (asked.push('outline'), Promise.resolve(fresh)) } as Partial<LibraryApi>;
    const early: LibraryOutline = { papers: outlineColumns([paper('a')]), digests: [], readOnly: null };
    const withEarly = withOutlineAskedEarly(api as LibraryApi, Promise.resolve(early));
    expect(await withEarly.getLibraryOutline()).toBe(early);
    expect(asked).toEqual([]);
    expect(await withEarly.getLibraryOutline()).toBe(fresh);
    expect(asked).toEqual(['outline']);
  });
});
