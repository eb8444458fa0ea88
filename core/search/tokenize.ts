/**
 * Words of a text as search sees them: runs of letters, marks and digits (any script), folded to lower case
 * without diacritics or compatibility forms, so "Équivariant", "equivariant" and "ＥＱＵＩＶＡＲＩＡＮＴ" are one term.
 *
 * In math (`$…$`, see core/math-spans.ts) a command's name is a word (`\nabla` → "nabla") unless it only sets how
 * the math looks (`\mathbf`, `\text`, `\left`), and the digits after a name are a word of their own.
 */

import { mathSpans, type MathSpan } from '../math-spans.js';

export type TokenVisitor = (term: string, start: number, end: number) => void;

const WORD_CHARACTER = /^[\p{L}\p{M}\p{N}]$/u;
const MARKS = /\p{M}/gu;

// Letters that Unicode does not decompose into a base letter and a mark, but that people type without the stroke.
const UNDECOMPOSED = /[łøđħıßæœþ]/gu;
const UNDECOMPOSED_AS: Readonly<Record<string, string>> = {
  ł: 'l',
  ø: 'o',
  đ: 'd',
  ħ: 'h',
  ı: 'i',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  þ: 'th',
};

// Per UTF-16 unit: 0 not yet known, 1 part of a word, 2 not. Surrogates are classified by their code point.
const unitClass = new Uint8Array(0x10000);
for (let code = 0; code < 0x80; code++) {
  unitClass[code] = /[A-Za-z0-9]/.test(String.fromCharCode(code)) ? 1 : 2;
}

function isWordUnit(code: number): boolean {
  let known = unitClass[code] ?? 2;
  if (known === 0) {
    known = WORD_CHARACTER.test(String.fromCharCode(code)) ? 1 : 2;
    unitClass[code] = known;
  }
  return known === 1;
}

const isHighSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;

/** The search term for one word of text (already a single token). */
export function foldTerm(word: string, ascii = false): string {
  if (ascii) return word.toLowerCase();
  return word
    .normalize('NFKD')
    .replace(MARKS, '')
    .toLowerCase()
    .replace(UNDECOMPOSED, (letter) => UNDECOMPOSED_AS[letter] ?? letter);
}

type WordVisitor = (start: number, end: number, ascii: boolean) => void;

/** Commands that set how math looks, not what it says: not words of the text. */
const MATH_LAYOUT_COMMANDS = new Set([
  'text',
  'textbf',
  'textit',
  'textrm',
  'textsf',
  'texttt',
  'textnormal',
  'mathrm',
  'mathbf',
  'mathit',
  'mathsf',
  'mathtt',
  'mathcal',
  'mathbb',
  'mathfrak',
  'mathscr',
  'mathnormal',
  'boldsymbol',
  'bm',
  'operatorname',
  'mbox',
  'displaystyle',
  'textstyle',
  'scriptstyle',
  'left',
  'right',
  'big',
  'Big',
  'bigg',
  'Bigg',
  'bigl',
  'bigr',
  'Bigl',
  'Bigr',
  'biggl',
  'biggr',
  'Biggl',
  'Biggr',
  'mathop',
  'limits',
  'nolimits',
  'color',
  'textcolor',
  'underline',
  'overline',
  'hat',
  'widehat',
  'bar',
  'tilde',
  'widetilde',
  'vec',
  'dot',
  'ddot',
]);

const BACKSLASH = 0x5c;
const isAsciiLetter = (code: number): boolean => (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a);

/**
 * Calls `visit` with where each word of the text is, [start, end) in UTF-16 units, in order, and whether it is all
 * ASCII (its term is then just its lower case).
 */
export function forEachWord(text: string, visit: WordVisitor): void {
  const spans = text.includes('$') ? mathSpans(text) : null;
  if (spans === null || spans.length === 0) {
    forEachRun(text, visit);
    return;
  }
  let span = 0;
  forEachRun(text, (start, end, ascii) => {
    while ((spans[span]?.end ?? Infinity) <= start) span++;
    if ((spans[span]?.start ?? Infinity) < start && text.charCodeAt(start - 1) === BACKSLASH) {
      mathCommandWords(text, start, end, ascii, visit);
    } else {
      visit(start, end, ascii);
    }
  });
}

/** A word that starts a command's name in math: the name unless it is layout, then what follows it (`\ell2`). */
function mathCommandWords(text: string, start: number, end: number, ascii: boolean, visit: WordVisitor): void {
  let nameEnd = start;
  while (nameEnd < end && isAsciiLetter(text.charCodeAt(nameEnd))) nameEnd++;
  if (nameEnd === start) return visit(start, end, ascii);
  if (!MATH_LAYOUT_COMMANDS.has(text.slice(start, nameEnd))) visit(start, nameEnd, true);
  if (nameEnd < end) visit(nameEnd, end, ascii);
}

/**
 * What math writes apart but shows as one word, between words of the text: `$`, sub- and superscripts, braces and
 * layout commands (`L$^2$M`, `$L_2$`, `$\textbf{DA}$$^{\textbf{2}}$`).
 */
const JOINING_GAP = new RegExp(String.raw`(?:[$^_{}]|\\(?:${[...MATH_LAYOUT_COMMANDS].join('|')})(?![A-Za-z]))+`, 'y');

/**
 * Calls `visit` with the terms that math makes of several words, as they read once it is rendered: "l2" for
 * `$L_2$`, "l2m" for `L$^2$M`, "da2" for `$\textbf{DA}$$^{\textbf{2}}$`. Terms for search to find beside the
 * words themselves; no place in the text is given, as they overlap the words'.
 */
export function forEachJoinedTerm(text: string, visit: (term: string) => void): void {
  const spans = text.includes('$') ? mathSpans(text) : [];
  if (spans.length === 0) return;
  let pieces: string[] = [];
  let ascii = true;
  let lastEnd = -1;
  let span = 0;
  const flush = (): void => {
    const term = pieces.length > 1 ? foldTerm(pieces.join(''), ascii) : '';
    if (term !== '') visit(term);
    pieces = [];
    ascii = true;
  };
  forEachWord(text, (start, end, wordAscii) => {
    while ((spans[span]?.end ?? Infinity) <= start) span++;
    if (lastEnd < 0 || !joins(text, lastEnd, start, spans[span])) flush();
    pieces.push(text.slice(start, end));
    ascii &&= wordAscii;
    lastEnd = end;
  });
  flush();
}

/**
 * Whether the text between two words, [from, to), joins them: math markup only, in math (`span`, the first that
 * ends after `to`) or at its edge.
 */
function joins(text: string, from: number, to: number, span: MathSpan | undefined): boolean {
  JOINING_GAP.lastIndex = from;
  if (!JOINING_GAP.test(text) || JOINING_GAP.lastIndex !== to) return false;
  return (span !== undefined && span.start < from) || text.slice(from, to).includes('$');
}

/** Calls `visit` with where each run of word characters is, as forEachWord does outside math. */
function forEachRun(text: string, visit: WordVisitor): void {
  const length = text.length;
  let start = -1;
  let ascii = true;
  for (let index = 0; index < length; index++) {
    const code = text.charCodeAt(index);
    let width = 1;
    let isWord: boolean;
    if (code < 0x80) {
      isWord = unitClass[code] === 1;
    } else if (isHighSurrogate(code) && index + 1 < length) {
      width = 2;
      isWord = WORD_CHARACTER.test(text.slice(index, index + 2));
    } else {
      isWord = isWordUnit(code);
    }
    if (isWord) {
      if (start < 0) {
        start = index;
        ascii = true;
      }
      if (code >= 0x80) ascii = false;
    } else if (start >= 0) {
      visit(start, index, ascii);
      start = -1;
    }
    index += width - 1;
  }
  if (start >= 0) visit(start, length, ascii);
}

/** Calls `visit` with each term of the text and where its word is, [start, end) in UTF-16 units, in order. */
export function forEachToken(text: string, visit: TokenVisitor): void {
  forEachWord(text, (start, end, ascii) => {
    const term = foldTerm(text.slice(start, end), ascii);
    if (term !== '') visit(term, start, end);
  });
}

export function tokenize(text: string): string[] {
  const terms: string[] = [];
  forEachToken(text, (term) => terms.push(term));
  return terms;
}
