import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { canonicalJson } from '../../core/sync/canonical-json.js';
import { writeCanonicalDocument } from './canonical-document.js';

let directory: string;
beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), 'shelfmark-canonical-document-'));
});
afterEach(async () => {
  await rm(directory, { recursive: true, force: true });
});

const paper = (id: string, title: string): object => ({ title, id, authors: ['Ada Lovelace', 'Émile Borel'] });

describe('writeCanonicalDocument', () => {
  it('writes canonicalJson’s text, elements copied from the document they were written to', async () => {
    const [a, b, c] = [paper('a', 'Alpha'), paper('b', 'Beta'), paper('c', 'Gamma')];
    const first = { v: 1, papers: [a, b, c], digests: [{ id: 'd', paperIds: ['a'] }] };
    expect((await writeCanonicalDocument(join(directory, 'first.json'), first)).copied).toBe(0);
    expect(await readFile(join(directory, 'first.json'), 'utf8')).toBe(canonicalJson(first));

    const second = { imports: ['x'], papers: [c, paper('e', 'Epsilon'), b, a] };
    expect((await writeCanonicalDocument(join(directory, 'second.json'), second)).copied).toBe(3);
    expect(await readFile(join(directory, 'second.json'), 'utf8')).toBe(canonicalJson(second));
  });

  it('makes the text again where the document is gone or changed', async () => {
    const [a, b] = [paper('a', 'Alpha'), paper('b', 'Beta')];
    await writeCanonicalDocument(join(directory, 'one.json'), { papers: [a] });
    await writeCanonicalDocument(join(directory, 'two.json'), { papers: [b] });
    await rm(join(directory, 'one.json'));
    await writeFile(join(directory, 'two.json'), '{"papers":[{"id":"b","title":"Bet!"}]}');
    const both = { papers: [a, b] };
    expect((await writeCanonicalDocument(join(directory, 'both.json'), both)).copied).toBe(0);
    expect(await readFile(join(directory, 'both.json'), 'utf8')).toBe(canonicalJson(both));
  });

  it('rewrites a document from itself, elements larger than a piece included', async () => {
    const large = { id: 'l', title: 'é'.repeat(1_500_000) };
    const many = Array.from({ length: 3000 }, (_, index) => paper(`p${String(index)}`, `Paper ${String(index)} ü`));
    const file = join(directory, 'library.json');
    await writeCanonicalDocument(file, { papers: [...many, large] });
    const again = { papers: [large, ...many.slice(1000), paper('n', 'New'), ...many.slice(0, 1000)], z: [1, null] };
    expect((await writeCanonicalDocument(file, again)).copied).toBe(3001);
    expect(await readFile(file, 'utf8')).toBe(canonicalJson(again));
    expect((await writeCanonicalDocument(file, { papers: many.slice(5, 10) })).copied).toBe(5);
    expect(await readFile(file, 'utf8')).toBe(canonicalJson({ papers: many.slice(5, 10) }));
  });
});
