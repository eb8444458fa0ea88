/**
 * The MathML a formula may reach the page with: the elements and attributes KaTeX writes for presentation, a subset
 * of DOMPurify's MathML profile. Left out: `mglyph` (it loads an image), `maction`, `semantics` and `annotation`
 * (the TeX again, which the page neither shows nor needs), and the attributes that link or name (`href`, `id`),
 * load (`src`) or style (`style`, `class`).
 */

export const MATHML_ELEMENTS: readonly string[] = [
  'math',
  'mrow',
  'mi',
  'mn',
  'mo',
  'mtext',
  'ms',
  'mspace',
  'mstyle',
  'mpadded',
  'mphantom',
  'menclose',
  'merror',
  'mfrac',
  'msqrt',
  'mroot',
  'msub',
  'msup',
  'msubsup',
  'munder',
  'mover',
  'munderover',
  'mmultiscripts',
  'mprescripts',
  'mtable',
  'mtr',
  'mtd',
];

export const MATHML_ATTRIBUTES: readonly string[] = [
  'display',
  'displaystyle',
  'scriptlevel',
  'mathvariant',
  'mathcolor',
  'mathbackground',
  'mathsize',
  'width',
  'height',
  'depth',
  'voffset',
  'lspace',
  'rspace',
  'linebreak',
  'notation',
  'fence',
  'form',
  'stretchy',
  'symmetric',
  'separator',
  'minsize',
  'maxsize',
  'largeop',
  'movablelimits',
  'accent',
  'accentunder',
  'linethickness',
  'columnalign',
  'columnspacing',
  'columnlines',
  'rowspacing',
  'rowlines',
];

/** What the elements and attributes of a formula leave out, however they got into the markup. */
export const MATHML_FORBIDDEN_CONTENTS: readonly string[] = ['annotation', 'annotation-xml'];
