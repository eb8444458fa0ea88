import { describe, expect, it } from 'vitest';
import { LINEAR_WORK_MS, timed } from '../tests/timing.js';
import { hasMath, mathPieces, mathSpans } from './math-spans.js';

const mathOf = (text: string): string[] => mathSpans(text).map((span) => text.slice(span.start, span.end));

describe('math in stored text', () => {
  it('is each $…$ and $$…$$', () => {
    expect(mathOf('$\\nabla^2$DFT and L$^2$M, $L_2$ Norm')).toEqual(['$\\nabla^2$', '$^2$', '$L_2$']);
    expect(mathOf('so $$E = mc^2$$ holds')).toEqual(['$$E = mc^2$$']);
    expect(mathSpans('$$x$$')).toEqual([{ start: 0, end: 5, display: true }]);
  });

  it('is not a price, nor a dollar sign written \\$', () => {
    expect(mathOf('from $50,000 to $500, less than $1 per run')).toEqual([]);
    expect(mathOf('between $5-$10 a day')).toEqual([]);
    expect(mathOf('costs \\$5 and \\$10')).toEqual([]);
    expect(mathOf('costs $ 5 and 10$')).toEqual([]);
  });

  it('may have a digit after it, as "about $\\sim$50" writes it', () => {
    expect(mathOf('($\\sim$50% accuracy), 0.992$\\pm$0.001')).toEqual(['$\\sim$', '$\\pm$']);
  });

  it('after a dollar sign is still math', () => {
    expect(mathOf('for \\$5 we get $\\alpha$, and $$ opens nothing')).toEqual(['$\\alpha$']);
    expect(mathOf('at $$5 a day, $x$')).toEqual(['$x$']);
  });

  it('cuts text into math and the rest', () => {
    expect(mathPieces('a $x$ b')).toEqual([
      { math: false, text: 'a ' },
      { math: true, text: '$x$' },
      { math: false, text: ' b' },
    ]);
    expect(hasMath('L^2M')).toBe(false);
    expect(hasMath('L$^2$M')).toBe(true);
  });

  it('is found in linear time, however many dollars there are', () => {
    expect(timed(() => mathSpans('$5 '.repeat(200_000)))).toBeLessThan(LINEAR_WORK_MS);
    expect(timed(() => mathSpans(`${'$$ '.repeat(100_000)}${'$1 '.repeat(100_000)}$x`))).toBeLessThan(LINEAR_WORK_MS);
    expect(timed(() => mathSpans(`${'\\'.repeat(300_000)}$`.repeat(2)))).toBeLessThan(LINEAR_WORK_MS);
  });
});
