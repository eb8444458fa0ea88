import { describe, expect, it } from 'vitest';
import { collapseWhitespace, joinParagraphs, normalizeLineEndings, splitParagraphs } from './whitespace.js';

describe('whitespace', () => {
  it('collapses every run of whitespace and trims', () => {
    expect(collapseWhitespace('  a\t b\n\n c\u00a0 ')).toBe('a b c');
  });

  it('joins paragraphs with one blank line, each collapsed, dropping empty ones', () => {
    expect(joinParagraphs(splitParagraphs('One\n  line.\n\n\n  \nTwo.\n \n'))).toBe('One line.\n\nTwo.');
  });

  it('normalises CRLF, CR and a BOM', () => {
    expect(normalizeLineEndings('\uFEFFa\r\nb\rc\n')).toBe('a\nb\nc\n');
  });
});
