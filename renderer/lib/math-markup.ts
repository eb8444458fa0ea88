/**
 * A formula as MathML that is safe to put in the page: KaTeX's (tex-to-mathml.ts), through DOMPurify with only the
 * MathML of mathml.ts, and each `mathvariant` that MathML Core ignores written as the characters it stands for
 * (math-variants.ts). Loaded only when some text on screen has math (see math.ts): KaTeX is most of its weight.
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
};

/** The formula's MathML, sanitised; null where KaTeX cannot render it (its source is shown instead). */
export function renderMathMarkup(tex: string, display: boolean): string | null {
  const markup = texToMathml(tex, display);
  if (markup === null) return null;
  const clean = purify.sanitize(markup, OPTIONS);
  return clean.startsWith('<math') ? clean : null;
}
