/**
 * Words of a text as search sees them: runs of letters, marks and digits (any script), folded to lower case
 * without diacritics or compatibility forms, so "Équivariant", "equivariant" and "ＥＱＵＩＶＡＲＩＡＮＴ" are one term.
 */

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

/**
 * Calls `visit` with where each word of the text is, [start, end) in UTF-16 units, in order, and whether it is all
 * ASCII (its term is then just its lower case).
 */
export function forEachWord(text: string, visit: (start: number, end: number, ascii: boolean) => void): void {
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
