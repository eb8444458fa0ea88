/**
 * Citation keys, one per paper and the same in every export (BibTeX's entry key, CSL-JSON's `id`, RIS's `ID`):
 * "xu2023pfgm", the first author's family name, the year and the first significant word of the title, in lower-case
 * ASCII. Pure.
 */

import { arxivIdYear } from '../identity.js';
import type { Paper } from '../model.js';
import { nameParts } from '../person-name.js';

type KeyedPaper = Pick<Paper, 'id' | 'authors' | 'title' | 'year' | 'arxivId'>;

/** Letters NFKD leaves whole, as ASCII: "Østergaard" → "Ostergaard", not "stergaard". */
const LATIN_LETTERS: Readonly<Record<string, string>> = {
  ø: 'o',
  Ø: 'O',
  æ: 'ae',
  Æ: 'AE',
  œ: 'oe',
  Œ: 'OE',
  ß: 'ss',
  ł: 'l',
  Ł: 'L',
  đ: 'd',
  Đ: 'D',
  ð: 'd',
  Ð: 'D',
  þ: 'th',
  Þ: 'Th',
  ı: 'i',
};

function asciiWord(text: string): string {
  // Most words are ASCII already: nothing to decompose (a library's every paper is keyed on each export).
  if (/^[\x20-\x7e]*$/.test(text)) return text.replace(/[^A-Za-z0-9]/g, '');
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[øØæÆœŒßłŁđĐðÐþÞı]/g, (letter) => LATIN_LETTERS[letter] ?? '')
    .replace(/[^A-Za-z0-9]/g, '');
}

const STOP_WORDS = new Set(['a', 'an', 'the', 'on', 'of', 'for', 'in', 'to', 'and', 'via', 'with', 'from', 'towards']);

/** The year it gives, else the year of its arXiv id (2302.04265 → 2023, hep-th/9901001 → 1999). */
export function paperYear(paper: Pick<Paper, 'year' | 'arxivId'>): number | null {
  if (paper.year !== null) return paper.year;
  return paper.arxivId === null ? null : arxivIdYear(paper.arxivId);
}

/** "xu2023pfgm": first author's family name (without "van", "Jr."), year, first significant title word. */
function baseKey(paper: KeyedPaper): string {
  const first = paper.authors[0];
  const family = first === undefined ? '' : (nameParts(first)?.family ?? '');
  const year = paperYear(paper);
  let word = '';
  for (const candidate of paper.title.split(/\s+/)) {
    word = asciiWord(candidate);
    if (word !== '' && !STOP_WORDS.has(word.toLowerCase())) break;
    word = '';
  }
  const key = `${asciiWord(family)}${year ?? ''}${word}`.toLowerCase();
  return key === '' ? 'paper' : key;
}

/**
 * The keys of `papers`, in order. Papers whose keys would be the same are told apart by their order in `library`
 * (the whole library, oldest first): "xu2023pfgm", then "xu2023pfgm2". So a paper's key does not depend on what else
 * an export holds, and it stays while the papers added before it stay.
 */
export function citationKeys(papers: readonly KeyedPaper[], library: readonly KeyedPaper[] = papers): string[] {
  const inLibrary = new Set(library.map((paper) => paper.id));
  const used = new Set<string>();
  /** For a base key taken, the copy number to try next: those below it are taken too. */
  const nextCopy = new Map<string, number>();
  const keys = new Map<string, string>();
  for (const paper of [...library, ...papers.filter((paper) => !inLibrary.has(paper.id))]) {
    const base = baseKey(paper);
    let key = base;
    if (used.has(key)) {
      let copy = nextCopy.get(base) ?? 2;
      while (used.has(`${base}${copy}`)) copy += 1;
      key = `${base}${copy}`;
      nextCopy.set(base, copy + 1);
    }
    used.add(key);
    keys.set(paper.id, key);
  }
  return papers.map((paper) => keys.get(paper.id) ?? baseKey(paper));
}
