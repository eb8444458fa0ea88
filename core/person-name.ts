/**
 * An author's name as identity compares it: the family name and the first initial, with case, accents and
 * punctuation ignored. Names come as digests write them, "Alan D. Baddeley" (BibTeX's "Baddeley, Alan D." is turned
 * round by its parser), and either form is read. Pure.
 */

export interface NameKey {
  /** "baddeley"; "oneil" for "Tip O'Neil Jr.". Never empty for a name with a letter or digit. */
  readonly family: string;
  /** "a"; null when the name has no given name ("Baddeley", "OpenAI"). */
  readonly initial: string | null;
  /** The family name as the name writes it: "O'Neil". */
  readonly written: string;
}

/** Generational suffixes: "Tip O'Neil Jr." is an O'Neil. */
const SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv']);

/** Lower case, accents and punctuation dropped: "O’Neil" → "oneil", "Müller-Lüdenscheidt" → "mullerludenscheidt". */
function plain(word: string): string {
  return word
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

export function nameKey(name: string): NameKey | null {
  const comma = name.indexOf(',');
  const words = (text: string): string[] => text.split(/[\s.~]+/).filter((word) => plain(word) !== '');
  let family: string[];
  let given: string[];
  if (comma >= 0) {
    // "Baddeley, Alan D.", as a name may be written where no parser turned it round.
    family = words(name.slice(0, comma));
    given = words(name.slice(comma + 1)).filter((word) => !SUFFIXES.has(plain(word)));
  } else {
    const all = words(name);
    while (all.length > 1 && SUFFIXES.has(plain(all.at(-1) ?? ''))) all.pop();
    family = all.slice(-1);
    given = all.slice(0, -1);
  }
  const written = family.at(-1) ?? '';
  const familyName = plain(written);
  if (familyName === '') return null;
  const initial = plain(given[0] ?? '').charAt(0);
  return { family: familyName, initial: initial === '' ? null : initial, written };
}

/** The same person, as far as two names can tell: one family name, and one first initial where both have one. */
export function sameAuthor(a: NameKey, b: NameKey): boolean {
  return a.family === b.family && (a.initial === null || b.initial === null || a.initial === b.initial);
}
