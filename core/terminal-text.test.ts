import { describe, expect, it } from 'vitest';
import { quoteForMessage, terminalJson, terminalLine, terminalText } from './terminal-text.js';

describe('quoteForMessage', () => {
  it('shows control, line-break and bidi characters as escapes', () => {
    expect(quoteForMessage('key\u001b[31m')).toBe('key\\x1b[31m');
    expect(quoteForMessage('a\nb\r\u0085\u2028\u202eexe.gnp\u2066')).toBe(
      'a\\x0ab\\x0d\\x85\\u2028\\u202eexe.gnp\\u2066',
    );
  });

  it('quotes at most 60 characters, whole ones', () => {
    expect(quoteForMessage('k'.repeat(10_000))).toBe(`${'k'.repeat(60)}…`);
    expect(quoteForMessage('😀'.repeat(61))).toBe(`${'😀'.repeat(60)}…`);
    expect(quoteForMessage('😀'.repeat(60))).toBe('😀'.repeat(60));
  });
});

describe('one rule for what a terminal is given', () => {
  const hostile =
    'a\u001b]0;pwned\u0007b\u001b[2J\u009b31m\u00ad\u200d\u2028\u2029abc\u202etxt.exe\u202c\u2066\u{e0001}';

  it('shows every control, format and line-separator character as an escape, on one line', () => {
    expect(terminalLine(`${hostile}\n\t\r`)).toBe(
      'a\\x1b]0;pwned\\x07b\\x1b[2J\\x9b31m\\xad\\u200d\\u2028\\u2029abc\\u202etxt.exe\\u202c\\u2066\\u{e0001}\\x0a\\x09\\x0d',
    );
  });

  it('keeps line breaks and tabs in text of many lines, CRLF as LF', () => {
    expect(terminalText(`Note:\r\n\t${hostile}\n`)).toBe(`Note:\n\t${terminalLine(hostile)}\n`);
  });

  it('escapes nothing else', () => {
    const plain = 'Über-Modelle: Ναι, 大规模 — “quoted” 😀 \\x1b';
    expect(terminalLine(plain)).toBe(plain);
    expect(terminalText(plain)).toBe(plain);
  });

  it('writes JSON that parses back to the same value, with no unsafe character raw', () => {
    const value = { title: hostile, lines: ['one\ntwo', 'tab\there'], n: 1 };
    const json = terminalJson(value);
    expect(JSON.parse(json)).toEqual(value);
    expect(json.replace(/\n/g, '')).not.toMatch(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u);
    expect(json).toContain(
      '"a\\u001b]0;pwned\\u0007b\\u001b[2J\\u009b31m\\u00ad\\u200d\\u2028\\u2029abc\\u202etxt.exe\\u202c\\u2066\\udb40\\udc01"',
    );
    expect(json).toContain('\n    "one\\ntwo",\n    "tab\\there"\n');
    expect(terminalJson(undefined)).toBe('undefined');
  });
});
