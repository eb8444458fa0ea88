import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isHfDailyJson, parseHfDailyJson } from './hf-daily-json.js';
import { DigestError } from './types.js';

const DAILY = readFileSync(new URL('./fixtures/hf-daily-papers.json', import.meta.url), 'utf8');
const ctx = { fileName: 'daily_papers.json', now: '2025-03-12T08:00:00.000Z' };

describe('the Hugging Face daily papers API response', () => {
  const digest = parseHfDailyJson(DAILY, ctx);

  it('is dated by the most common publishedAt day', () => {
    expect(digest).toMatchObject({
      format: 'hf-daily-json',
      title: 'Hugging Face Daily Papers, Mar 11, 2025',
      date: '2025-03-11',
    });
  });

  it('is dated by the day its entries were listed on, before the day the caller asked for', () => {
    expect(parseHfDailyJson(DAILY, { ...ctx, date: '2025-03-12' })).toMatchObject({
      title: 'Hugging Face Daily Papers, Mar 11, 2025',
      date: '2025-03-11',
    });
  });

  it('reads the paper: id, summary, authors, repository and project page', () => {
    expect(digest.papers[0]).toEqual({
      title: 'Physics-Inspired Generative Models, Revisited',
      abstract:
        'We revisit physics-inspired generative models and show they scale. Code: https://github.com/Newbeeer/pfgmpp.' +
        '\n\nA second paragraph.',
      authors: ['Yilun Xu', 'Ziming Liu', 'Max Tegmark'],
      arxivId: '2503.07604',
      doi: null,
      year: 2025,
      links: [
        'https://arxiv.org/abs/2503.07604',
        'https://github.com/Newbeeer/pfgmpp',
        'https://newbeeer.github.io/pfgm/',
      ],
      categories: [],
      facts: { published: '2025-03-10', hfUpvotes: 42, hfComments: 3 },
    });
  });

  it('strips the version from the id, keeps Unicode and tolerates nulls and nameless authors', () => {
    expect(digest.papers[1]).toMatchObject({
      title: 'Zürich Füße: Unicode Everywhere',
      arxivId: '2503.05000',
      authors: ['Søren Østergaard'],
      links: ['https://arxiv.org/abs/2503.05000'],
    });
    expect(digest.papers[2]).toMatchObject({ title: 'No Summary Here', abstract: '' });
  });

  it('skips items without a title or that are not objects', () => {
    expect(digest.papers).toHaveLength(3);
    expect(digest.skipped).toEqual([
      { where: 'item 3 (2503.01111)', reason: 'it has no title' },
      { where: 'item 4', reason: 'it is not an object' },
    ]);
  });

  it("quotes an item's id as one clean, short line", () => {
    const items = JSON.stringify([{ paper: { id: `x\u001b]0;owned\u0007\n${'y'.repeat(100)}` } }]);
    expect(parseHfDailyJson(items, ctx).skipped).toEqual([
      { where: `item 1 (x\\x1b]0;owned\\x07\\x0a${'y'.repeat(48)}…)`, reason: 'it has no title' },
    ]);
  });

  it('accepts a { papers: [...] } wrapper', () => {
    const wrapped = JSON.stringify({ papers: [{ paper: { id: '2503.00001', title: 'Wrapped' } }] });
    expect(isHfDailyJson(JSON.parse(wrapped))).toBe(true);
    expect(parseHfDailyJson(wrapped, ctx)).toMatchObject({ title: 'Hugging Face Daily Papers', date: null });
  });

  it('is recognised by its paper objects', () => {
    expect(isHfDailyJson(JSON.parse(DAILY))).toBe(true);
    expect(isHfDailyJson([{ title: 'no paper object' }])).toBe(false);
    expect(isHfDailyJson({ format: 'shelfmark-library' })).toBe(false);
  });

  it('refuses JSON that is not a list, and broken JSON', () => {
    expect(() => parseHfDailyJson('{"hello": 1}', ctx)).toThrow(
      new DigestError('it is JSON, but not a list of Hugging Face daily papers'),
    );
    expect(() => parseHfDailyJson('[{"paper": {', ctx)).toThrow(/^it is not valid JSON \(.+\)$/);
  });
});

describe('the day of a Hugging Face page', () => {
  const MAR_03 = readFileSync(new URL('./fixtures/hf-daily-papers-mar-03.json', import.meta.url), 'utf8');
  const withoutDailyDates = JSON.stringify(
    (JSON.parse(MAR_03) as { paper: Record<string, unknown> }[]).map((item) => ({
      ...item,
      paper: { ...item.paper, submittedOnDailyAt: undefined },
    })),
  );
  const at = (fileName: string, date?: string) => ({
    fileName,
    now: '2025-03-04T08:00:00.000Z',
    ...(date === undefined ? {} : { date }),
  });

  it('is the day its entries were submitted to the page, not the day they were published', () => {
    // Published Feb 27 to Mar 2, as late as 23:30 UTC the day before: submitted to the page on Mar 3, one late
    // on Mar 2.
    const digest = parseHfDailyJson(MAR_03, at('daily_papers.json', '2025-03-05'));
    expect(digest).toMatchObject({ title: 'Hugging Face Daily Papers, Mar 3, 2025', date: '2025-03-03' });
    expect(digest.notes).toBeUndefined();
    expect(digest.papers).toHaveLength(4);
  });

  it('without submittedOnDailyAt, is the day asked for, else the day the file is named after', () => {
    expect(parseHfDailyJson(withoutDailyDates, at('2025-03-01.json', '2025-03-03'))).toMatchObject({
      date: '2025-03-03',
      title: 'Hugging Face Daily Papers, Mar 3, 2025',
    });
    const named = parseHfDailyJson(withoutDailyDates, at('/home/ada/hf/2025-03-03.json'));
    expect(named).toMatchObject({ date: '2025-03-03', title: 'Hugging Face Daily Papers, Mar 3, 2025' });
    expect(named.notes).toBeUndefined();
  });

  it('else is guessed from the days the papers were published, and says that it guessed', () => {
    const guessed = parseHfDailyJson(withoutDailyDates, at('daily_papers.json'));
    expect(guessed).toMatchObject({ date: '2025-03-02', title: 'Hugging Face Daily Papers, Mar 2, 2025' });
    expect(guessed.notes).toEqual([
      'the file does not say which day’s page it is: it is dated Mar 2, 2025, the day most of its papers were published, a guess; change the date if it is wrong',
    ]);
    // A name with two days in it names none.
    expect(parseHfDailyJson(withoutDailyDates, at('2025-03-03_to_2025-03-04.json')).notes).toHaveLength(1);
  });

  it('keeps each paper’s publishedAt day, its upvotes and its comment count as the page gave them', () => {
    const digest = parseHfDailyJson(MAR_03, at('daily_papers.json'));
    expect(digest.papers.map((paper) => paper.facts)).toEqual([
      { published: '2025-02-28', hfUpvotes: 61, hfComments: 1 },
      { published: '2025-03-02', hfUpvotes: 34, hfComments: 2 },
      { published: '2025-03-02', hfUpvotes: 12, hfComments: 0 },
      { published: '2025-02-27', hfUpvotes: 5, hfComments: 1 },
    ]);
    // Counts that are not whole numbers of at least zero are not counts.
    const odd = JSON.stringify([{ paper: { title: 'T', upvotes: -1 }, numComments: '3' }]);
    expect(parseHfDailyJson(odd, at('hf.json')).papers[0]?.facts).toBeUndefined();
  });

  it('reads a wrapper’s data list, dated by the wrapper’s date', () => {
    const wrapper = readFileSync(new URL('./fixtures/hf-daily-papers-wrapper.json', import.meta.url), 'utf8');
    expect(isHfDailyJson(JSON.parse(wrapper))).toBe(true);
    const digest = parseHfDailyJson(wrapper, at('hf.json'));
    expect(digest).toMatchObject({ date: '2025-03-03', skipped: [] });
    expect(digest.papers.map((paper) => paper.arxivId)).toEqual(['2502.21321', '2503.00808', '2503.00422']);
    expect(digest.papers[1]?.authors).toEqual(['Elif Demir', 'Hidden Contributor', 'Jon Park']);
  });
});
