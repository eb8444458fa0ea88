import { describe, expect, it } from 'vitest';
import { firstLine, normalizeRanges, paragraphsOf, rangesPerTag, snippetAround, splitHighlights } from './highlight.js';

describe('splitHighlights', () => {
  it('alternates plain and matched text', () => {
    expect(
      splitHighlights('equivariant neural networks', [
        [0, 11],
        [19, 27],
      ]),
    ).toEqual([
      { text: 'equivariant', match: true },
      { text: ' neural ', match: false },
      { text: 'networks', match: true },
    ]);
  });

  it('is one plain segment without matches, even for empty text', () => {
    expect(splitHighlights('text', undefined)).toEqual([{ text: 'text', match: false }]);
    expect(splitHighlights('', [])).toEqual([{ text: '', match: false }]);
  });

  it('clamps, sorts and joins overlapping ranges', () => {
    expect(
      normalizeRanges(
        [
          [5, 9],
          [0, 3],
          [2, 4],
          [8, 40],
        ],
        10,
      ),
    ).toEqual([
      [0, 4],
      [5, 10],
    ]);
    expect(
      normalizeRanges(
        [
          [3, 3],
          [-4, -1],
        ],
        10,
      ),
    ).toEqual([]);
    expect(splitHighlights('abcdef', [[4, 99]])).toEqual([
      { text: 'abcd', match: false },
      { text: 'ef', match: true },
    ]);
  });
});

describe('snippetAround', () => {
  const text = `${'Lorem ipsum dolor sit amet. '.repeat(8)}We propose equivariant networks for graphs. ${'More words follow. '.repeat(20)}`;

  it('starts a little before the first match, at a word', () => {
    const at = text.indexOf('equivariant');
    const snippet = snippetAround(text, [[at, at + 11]], { context: 20, maxLength: 80 });
    expect(snippet.clippedStart).toBe(true);
    expect(snippet.clippedEnd).toBe(true);
    expect(snippet.text.startsWith(' ')).toBe(false);
    const [range] = snippet.ranges;
    expect(range).toBeDefined();
    if (range !== undefined) expect(snippet.text.slice(range[0], range[1])).toBe('equivariant');
    expect(snippet.text.length).toBeLessThanOrEqual(80);
  });

  it('is the beginning when nothing matched', () => {
    const snippet = snippetAround('Short abstract.', undefined);
    expect(snippet).toEqual({ text: 'Short abstract.', ranges: [], clippedStart: false, clippedEnd: false });
  });

  it('cuts no formula in two', () => {
    const math = `${'Some words before. '.repeat(4)}We bound $\\|x\\|_2 \\le \\epsilon$-norm of the gradient match, and $y$ too.`;
    const at = math.indexOf('gradient');
    // 30 characters of context would start inside the first formula, at "\le": it starts at its `$` instead.
    const snippet = snippetAround(math, [[at, at + 8]], { context: 30, maxLength: 200 });
    expect(snippet.text.startsWith('$\\|x\\|_2 \\le \\epsilon$-norm')).toBe(true);
    const [range] = snippet.ranges;
    expect(range && snippet.text.slice(range[0], range[1])).toBe('gradient');
    // An end inside a formula moves past it.
    const ending = snippetAround(math, undefined, { maxLength: 100 });
    expect(ending.text.endsWith('\\epsilon$')).toBe(true);
  });

  it('keeps ranges right when whitespace runs collapse', () => {
    const messy = 'Alpha\n\n   beta   gamma';
    const at = messy.indexOf('gamma');
    const snippet = snippetAround(messy, [[at, at + 5]]);
    expect(snippet.text).toBe('Alpha beta gamma');
    const [range] = snippet.ranges;
    expect(range && snippet.text.slice(range[0], range[1])).toBe('gamma');
  });
});

describe('rangesPerTag', () => {
  it('maps ranges over "a, b, c" to each tag', () => {
    const tags = ['graphs', 'equivariance', 'to-read'];
    // "graphs, equivariance, to-read": equivariance starts at 8.
    expect(
      rangesPerTag(tags, [
        [8, 13],
        [22, 24],
      ]),
    ).toEqual([[], [[0, 5]], [[0, 2]]]);
    expect(rangesPerTag(tags, undefined)).toEqual([[], [], []]);
  });
});

describe('firstLine', () => {
  it('is the first line, tidied', () => {
    expect(firstLine('  One  line\nsecond')).toBe('One line');
    expect(firstLine('')).toBe('');
  });
});

describe('paragraphsOf', () => {
  it('splits at blank lines and moves each match into its paragraph', () => {
    const text = 'First graph paragraph.\n\n  Second about graphs.\n \n';
    const first = text.indexOf('graph');
    const second = text.indexOf('graphs');
    expect(
      paragraphsOf(text, [
        [first, first + 5],
        [second, second + 6],
      ]),
    ).toEqual([
      { text: 'First graph paragraph.', ranges: [[6, 11]] },
      { text: 'Second about graphs.', ranges: [[13, 19]] },
    ]);
    expect(paragraphsOf('', undefined)).toEqual([]);
    expect(paragraphsOf('One.', undefined)).toEqual([{ text: 'One.', ranges: [] }]);
  });
});
