/**
 * A formula as MathML that is safe to put in the page: KaTeX's (tex-to-mathml.ts), through DOMPurify with only the
 * MathML of mathml.ts, and each `mathvariant` that MathML Core ignores written as the characters it stands for
 * (math-variants.ts). Two accents Chromium draws badly are drawn otherwise: `\overline` and `\underline` as a border
 * (math fonts seldom stretch ‾), `\vec`'s combining arrow as an arrow. Loaded only when some text on screen has math
 * (see math.ts): KaTeX is most of its weight.
 */

import createDOMPurify from 'dompurify';
import { MATHML_ATTRIBUTES, MATHML_ELEMENTS, MATHML_FORBIDDEN_CONTENTS } from './mathml.js';
import { inMathVariant, isMappedVariant } from './math-variants.js';
import { texToMathml } from './tex-to-mathml.js';

const purify = createDOMPurify(window);

/** Every text under `element`, in the alphabet its mathvariant names. */
function writeVariant(element: Element, variant: string): void {
  const walker = element.ownerDocument.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    node.nodeValue = inMathVariant(node.nodeValue ?? '', variant);
  }
}

purify.addHook('afterSanitizeAttributes', (node) => {
  const variant = node.getAttribute('mathvariant');
  if (variant === null || !isMappedVariant(variant)) return;
  writeVariant(node, variant);
  // A one-letter <mi> is italic unless it says otherwise; ℝ has no italic, but 𝐱's plain x would be set in one.
  if (node.localName === 'mi') node.setAttribute('mathvariant', 'normal');
  else node.removeAttribute('mathvariant');
});

const OPTIONS = {
  ALLOWED_TAGS: [...MATHML_ELEMENTS],
  ALLOWED_ATTR: [...MATHML_ATTRIBUTES],
  ADD_FORBID_CONTENTS: [...MATHML_FORBIDDEN_CONTENTS],
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  RETURN_DOM_FRAGMENT: true as const,
};

const MATHML = 'http://www.w3.org/1998/Math/MathML';
const OVERLINE = '\u203e';
const COMBINING_ARROW = '\u20d7';

/** `<mover>` or `<munder>` of a base and a stretched ‾ as `<menclose notation="top|bottom">` of the base (base.css). */
function drawLines(math: Element): void {
  for (const script of math.querySelectorAll('mover, munder')) {
    const [base, accent] = script.children;
    if (script.children.length !== 2 || base === undefined || accent?.localName !== 'mo') continue;
    if (accent.textContent !== OVERLINE) continue;
    const line = math.ownerDocument.createElementNS(MATHML, 'menclose');
    line.setAttribute('notation', script.localName === 'mover' ? 'top' : 'bottom');
    line.append(base);
    script.replaceWith(line);
  }
  for (const operator of math.querySelectorAll('mo')) {
    if (operator.textContent === COMBINING_ARROW) operator.textContent = '\u2192';
  }
}

export interface RenderedFormula {
  /** The sanitised MathML. */
  readonly markup: string;
  /**
   * The same, named by the text it shows ("∇2" for ∇²): for a formula inside the name of a control (a list row's
   * option), whose name must hold what it shows (WCAG 2.5.3), and which a screen reader reads as text anyway.
   */
  readonly named: string;
}

/** The formula's MathML, sanitised; null where KaTeX cannot render it (its source is shown instead). */
export function renderMathMarkup(tex: string, display: boolean): RenderedFormula | null {
  const source = texToMathml(tex, display);
  if (source === null) return null;
  const math = purify.sanitize(source, OPTIONS).firstElementChild;
  if (math?.localName !== 'math') return null;
  drawLines(math);
  const markup = math.outerHTML;
  math.setAttribute('aria-label', math.textContent.trim());
  return { markup, named: math.outerHTML };
}
