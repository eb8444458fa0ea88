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

/**
 * A name cut as a citation writes it, by BibTeX's rules (what pandoc, biber and reference managers read back from
 * a BibTeX file): "Ludwig van Beethoven" → given "Ludwig", particle "van", family "Beethoven"; "Jean de La Fontaine"
 * → family "La Fontaine"; "Baddeley, Alan D." and "van Beethoven, Ludwig" → family first. One departure, where
 * BibTeX reads a name wrong: a generational suffix ("Tip O'Neil Jr.") is the suffix, not the family name.
 */
export interface NameParts {
  /** "Ludwig"; "" when the name has none ("OpenAI"). */
  readonly given: string;
  /** The lower-case words before the family name: "van", "de la"; usually "". */
  readonly particle: string;
  /** Never empty. */
  readonly family: string;
  /** "Jr."; usually "". */
  readonly suffix: string;
}

/** A word that starts, at its first letter, in lower case: "van", "de", "d'Alembert" (BibTeX's von part). */
const startsLowerCase = (word: string): boolean => /^\P{L}*\p{Ll}/u.test(word);

/** "Jr.", "III"; a longer word is none, and is not looked at closer (the exports cut every author's name). */
const isSuffix = (text: string): boolean => text !== '' && text.length <= 5 && SUFFIXES.has(plain(text));

/** "van Beethoven" → particle "van", family "Beethoven": the lower-case words before the last capitalised one. */
function particleAndFamily(words: readonly string[]): { particle: string; family: string } {
  let lastLower = -1;
  for (let at = 0; at < words.length - 1; at++) if (startsLowerCase(words[at] ?? '')) lastLower = at;
  return { particle: words.slice(0, lastLower + 1).join(' '), family: words.slice(lastLower + 1).join(' ') };
}

/** "Ludwig van Beethoven": the first lower-case word, if any but the last, opens the particle. */
function givenParticleFamily(words: readonly string[]): { given: string; particle: string; family: string } {
  const firstLower = words.slice(0, -1).findIndex(startsLowerCase);
  const from = firstLower < 0 ? words.length - 1 : firstLower;
  return { given: words.slice(0, from).join(' '), ...particleAndFamily(words.slice(from)) };
}

export function nameParts(name: string): NameParts | null {
  const parts = name
    .replace(/\s+/g, ' ')
    .split(',')
    .map((part) => part.trim());
  const words = (text: string): string[] => text.split(' ').filter((word) => word !== '');
  const [first = '', second = '', ...rest] = parts;
  let cut: NameParts;
  if (parts.length === 1 || (parts.length === 2 && isSuffix(second))) {
    // "Ludwig van Beethoven", "Tip O'Neil Jr.", "Tip O'Neil, Jr."
    const all = words(first);
    let suffix = second;
    if (suffix === '' && all.length > 1 && isSuffix(all.at(-1) ?? '')) suffix = all.pop() ?? '';
    cut = { ...givenParticleFamily(all), suffix };
  } else if (parts.length === 2) {
    // "van Beethoven, Ludwig"
    cut = { given: second, ...particleAndFamily(words(first)), suffix: '' };
  } else {
    // "O'Neil, Jr., Tip": BibTeX's "von Last, Jr, First".
    cut = { given: rest.join(', '), ...particleAndFamily(words(first)), suffix: second };
  }
  return cut.family === '' ? null : cut;
}
