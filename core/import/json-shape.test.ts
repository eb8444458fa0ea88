import { describe, expect, it } from 'vitest';
import { describeJson } from './json-shape.js';

describe('describeJson', () => {
  it('names a value that is no list or object, and the kinds of a list', () => {
    expect(describeJson('2025-03-03')).toBe('a single string');
    expect(describeJson([null, true, false, [1]])).toBe(
      'a list of 1 null, 2 true/false values and 1 list, not of paper objects',
    );
  });

  it('names at most six keys of an object, quoted as one clean line', () => {
    const keys = Object.fromEntries(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].map((key) => [key, 1]));
    expect(describeJson(keys)).toBe('an object with the keys a, b, c, d, e, f and 2 more, and no list in it');
    expect(describeJson({ 'x\u001b[2J': [] })).toBe(
      'an object with the keys x\\x1b[2J; its “x\\x1b[2J” is an empty list',
    );
  });
});
