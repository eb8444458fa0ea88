import { describe, expect, it } from 'vitest';
import { isolatable, isolated } from './bidi.js';

describe('isolatable', () => {
  it('leaves text with no isolates or paragraph separators as it is, overrides included', () => {
    expect(isolatable('Attention Is All You Need')).toBe('Attention Is All You Need');
    expect(isolatable('abc\u202Etxt.exe')).toBe('abc\u202Etxt.exe');
    expect(isolatable('a\u2067b\u2069c')).toBe('a\u2067b\u2069c');
  });

  it('closes the isolates left open, at the end', () => {
    expect(isolatable('ab\u2067cd')).toBe('ab\u2067cd\u2069');
    expect(isolatable('\u2066a\u2068b\u2069')).toBe('\u2066a\u2068b\u2069\u2069');
  });

  it('makes a PDI with nothing to close a word joiner, in its place', () => {
    expect(isolatable('abc\u2069\u202Etxt')).toBe('abc\u2060\u202Etxt');
    expect(isolatable('\u2067a\u2069\u2069b')).toBe('\u2067a\u2069\u2060b');
  });

  it('makes a paragraph separator a space, in its place, but keeps line feeds', () => {
    expect(isolatable('a\u2029b\rc\u0085d\u001ce\nf')).toBe('a b c d e\nf');
  });

  it('keeps every character in its place, so that search highlights still fit', () => {
    const text = 'x\u2069y\u2029z\u2066w';
    expect(isolatable(text).slice(0, text.length)).toHaveLength(text.length);
    expect(
      Array.from(isolatable(text))
        .map((ch, i) => (ch === text[i] ? ch : '·'))
        .join(''),
    ).toBe('x·y·z\u2066w·');
  });
});

describe('isolated', () => {
  it('leaves text without bidi formatting characters as it is', () => {
    expect(isolated('vision')).toBe('vision');
    expect(isolated('\u05E9\u05DC\u05D5\u05DD')).toBe('\u05E9\u05DC\u05D5\u05DD');
  });

  it('puts text with them between FSI and PDI', () => {
    expect(isolated('abc\u202Etxt')).toBe('\u2068abc\u202Etxt\u2069');
    expect(isolated('a\u2069b\u2067')).toBe('\u2068a\u2060b\u2067\u2069\u2069');
  });
});
