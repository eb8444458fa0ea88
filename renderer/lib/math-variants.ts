/**
 * MathML's `mathvariant` as the characters it stands for. KaTeX writes `\mathbb{R}` as `<mi
 * mathvariant="double-struck">R</mi>`, but MathML Core, what Chromium renders, keeps only mathvariant="normal": the
 * rest shows a plain italic R. Unicode has each of these alphabets as characters of their own (ℝ, 𝐱, 𝔤, 𝒜, 𝖠,
 * 𝚡), which any math font draws, so the letters, digits and Greek of such an element are written as those. Pure.
 */

/** The first letter (capital A) of each Latin alphabet; its small a is 26 further. */
const LATIN: Readonly<Record<string, number>> = {
  bold: 0x1d400,
  italic: 0x1d434,
  'bold-italic': 0x1d468,
  script: 0x1d49c,
  'bold-script': 0x1d4d0,
  fraktur: 0x1d504,
  'double-struck': 0x1d538,
  'bold-fraktur': 0x1d56c,
  'sans-serif': 0x1d5a0,
  'bold-sans-serif': 0x1d5d4,
  'sans-serif-italic': 0x1d608,
  'sans-serif-bold-italic': 0x1d63c,
  monospace: 0x1d670,
};

/** Digit zero of the alphabets that have digits. */
const DIGITS: Readonly<Record<string, number>> = {
  bold: 0x1d7ce,
  'double-struck': 0x1d7d8,
  'sans-serif': 0x1d7e2,
  'bold-sans-serif': 0x1d7ec,
  monospace: 0x1d7f6,
};

/** Capital Alpha of the alphabets that have Greek: 58 characters each, laid out as GREEK_ORDER says. */
const GREEK: Readonly<Record<string, number>> = {
  bold: 0x1d6a8,
  italic: 0x1d6e2,
  'bold-italic': 0x1d71c,
  'bold-sans-serif': 0x1d756,
  'sans-serif-bold-italic': 0x1d790,
};

/** Where a Greek alphabet has the symbols beside its letters (ϴ, ∇, ∂ and the variant forms). */
const GREEK_SYMBOLS: ReadonlyMap<number, number> = new Map([
  [0x3f4, 17], // ϴ, in the place of the unassigned U+03A2
  [0x2207, 25], // ∇
  [0x2202, 51], // ∂
  [0x3f5, 52], // ϵ
  [0x3d1, 53], // ϑ
  [0x3f0, 54], // ϰ
  [0x3d5, 55], // ϕ
  [0x3f1, 56], // ϱ
  [0x3d6, 57], // ϖ
]);

/**
 * Letters Unicode had already (ℎ, ℬ, ℭ, ℝ…): their places in the alphabets above are left empty. By alphabet, the
 * letter and the character that stands for it.
 */
const EARLIER: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  italic: { h: '\u210e' },
  script: {
    B: '\u212c',
    E: '\u2130',
    F: '\u2131',
    H: '\u210b',
    I: '\u2110',
    L: '\u2112',
    M: '\u2133',
    R: '\u211b',
    e: '\u212f',
    g: '\u210a',
    o: '\u2134',
  },
  fraktur: { C: '\u212d', H: '\u210c', I: '\u2111', R: '\u211c', Z: '\u2128' },
  'double-struck': { C: '\u2102', H: '\u210d', N: '\u2115', P: '\u2119', Q: '\u211a', R: '\u211d', Z: '\u2124' },
};

function greekOffset(code: number): number | undefined {
  if (code >= 0x391 && code <= 0x3a9 && code !== 0x3a2) return code - 0x391;
  if (code >= 0x3b1 && code <= 0x3c9) return 26 + code - 0x3b1;
  return GREEK_SYMBOLS.get(code);
}

function mapped(character: string, variant: string): string {
  const early = EARLIER[variant]?.[character];
  if (early !== undefined) return early;
  const code = character.codePointAt(0) ?? 0;
  const latin = LATIN[variant];
  if (latin !== undefined) {
    if (code >= 0x41 && code <= 0x5a) return String.fromCodePoint(latin + code - 0x41);
    if (code >= 0x61 && code <= 0x7a) return String.fromCodePoint(latin + 26 + code - 0x61);
  }
  const digits = DIGITS[variant];
  if (digits !== undefined && code >= 0x30 && code <= 0x39) return String.fromCodePoint(digits + code - 0x30);
  const greek = GREEK[variant];
  const offset = greek === undefined ? undefined : greekOffset(code);
  if (greek !== undefined && offset !== undefined) return String.fromCodePoint(greek + offset);
  return character;
}

/** Whether `variant` is one this module writes as characters (not "normal", not unknown). */
export function isMappedVariant(variant: string): boolean {
  return Object.hasOwn(LATIN, variant);
}

/** `text` in the alphabet `variant` names; characters it has no form of stay as they are. */
export function inMathVariant(text: string, variant: string): string {
  if (!isMappedVariant(variant)) return text;
  let out = '';
  for (const character of text) out += mapped(character, variant);
  return out;
}
