import { describe, expect, it } from 'vitest';
import { redateDigest, sameDayNote, titleForDate, withImportDate } from './digest-date.js';
import { NotFoundError } from './errors.js';
import type { ParsedDigest } from './import/types.js';
import type { Catalogue, Digest } from './model.js';

const digest = (id: string, fields: Partial<Digest> = {}): Digest => ({
  id,
  format: 'hf-daily-json',
  title: 'Hugging Face Daily Papers, Mar 4, 2025',
  date: '2025-03-04',
  source: `${id}.json`,
  importedAt: '2025-03-05T08:00:00.000Z',
  paperIds: [],
  ...fields,
});

describe('titleForDate', () => {
  it('replaces the day the title names, with or without its year, or adds it', () => {
    expect(titleForDate('Hugging Face Daily Papers, Mar 4, 2025', '2025-03-04', '2025-03-03')).toBe(
      'Hugging Face Daily Papers, Mar 3, 2025',
    );
    expect(titleForDate('Hugging Face Daily Papers, Mar 11', '2025-03-11', '2025-03-10')).toBe(
      'Hugging Face Daily Papers, Mar 10, 2025',
    );
    expect(titleForDate('Hugging Face Daily Papers', null, '2025-03-03')).toBe(
      'Hugging Face Daily Papers, Mar 3, 2025',
    );
    expect(titleForDate('BibTeX: refs.bib', '2025-03-04', '2025-03-03')).toBe('BibTeX: refs.bib, Mar 3, 2025');
  });
});

describe('withImportDate', () => {
  const parsed: ParsedDigest = {
    format: 'arxiv-email',
    title: 'arXiv listing, Oct 15, 2025',
    date: '2025-10-15',
    papers: [],
    skipped: [],
  };

  it('dates the digest by the day given, and says so when the file said another', () => {
    expect(withImportDate(parsed, '2025-10-16')).toEqual({
      ...parsed,
      title: 'arXiv listing, Oct 16, 2025',
      date: '2025-10-16',
      notes: ['dated Oct 16, 2025 as asked, though the file says Oct 15, 2025'],
    });
    expect(withImportDate(parsed, '2025-10-15')).toBe(parsed);
    expect(withImportDate({ ...parsed, date: null, title: 'arXiv listing, cs daily' }, '2025-10-16')).toMatchObject({
      title: 'arXiv listing, cs daily, Oct 16, 2025',
      notes: ['dated Oct 16, 2025 as asked'],
    });
  });
});

describe('redateDigest', () => {
  const catalogue: Catalogue = { papers: [], digests: [digest('a'), digest('b', { date: '2025-03-05' })] };

  it('changes the digest’s day and title, and nothing else', () => {
    const changed = redateDigest(catalogue, 'a', '2025-03-03');
    expect(changed.digests).toEqual([
      { ...digest('a'), date: '2025-03-03', title: 'Hugging Face Daily Papers, Mar 3, 2025' },
      catalogue.digests[1],
    ]);
    expect(changed.papers).toBe(catalogue.papers);
    expect(redateDigest(catalogue, 'a', '2025-03-04')).toBe(catalogue);
  });

  it('refuses a digest that is not there', () => {
    expect(() => redateDigest(catalogue, 'hf-nothing', '2025-03-03')).toThrow(NotFoundError);
  });
});

describe('sameDayNote', () => {
  it('names the other Hugging Face digests of the day, text or JSON, and no other source’s', () => {
    const digests = [
      digest('hf-a'),
      digest('hf-b', { format: 'hf-daily-text', title: 'Hugging Face Daily Papers, Mar 4', source: 'mar-4.txt' }),
      digest('arxiv-c', { format: 'arxiv-email', title: 'arXiv listing, Mar 4, 2025' }),
      digest('hf-d', { date: '2025-03-03' }),
    ];
    expect(sameDayNote(digests, 'hf-a')).toBe(
      'another Hugging Face digest is dated Mar 4, 2025 too: “Hugging Face Daily Papers, Mar 4” (hf-b, from ' +
        'mar-4.txt); they are kept apart: if one of them is of another day, change its date',
    );
    expect(sameDayNote(digests, 'hf-d')).toBeNull();
    expect(sameDayNote(digests, 'arxiv-c')).toBeNull();
  });

  it('names three and counts the rest', () => {
    const digests = ['a', 'b', 'c', 'd', 'e'].map((id) => digest(id));
    expect(sameDayNote(digests, 'a')).toMatch(
      /^4 other Hugging Face digests are dated Mar 4, 2025 too: .*\(d, from d\.json\) and 1 more;/,
    );
  });
});
