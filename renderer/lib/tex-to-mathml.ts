/**
 * A formula's TeX as MathML, by KaTeX, or null where it cannot be shown as the author meant it. MathML, not KaTeX's
 * HTML: that needs inline styles, which the page's Content-Security-Policy refuses, and its fonts; Chromium draws
 * MathML itself. The TeX is a digest's, so nobody vouches for it: no command that links, loads or names anything
 * (`\href`, `\url`, `\includegraphics`, `\htmlClass`…) is obeyed, and where one is met the formula is not rendered
 * at all (KaTeX would show it in red); sizes, macro expansion, length and nesting are bounded. Pure.
 */

import katex, { type KatexOptions } from 'katex';

/** Longer TeX is shown as written: no title's or abstract's formula is anywhere near it. */
export const MAX_TEX_LENGTH = 2_000;
/** Deeper braces are shown as written: KaTeX parses them recursively, and Chromium lays them out so. */
const MAX_TEX_DEPTH = 24;

const OPTIONS: KatexOptions = {
  output: 'mathml',
  throwOnError: true,
  // Unicode in math, a `%` at the end: shown as KaTeX reads them, without a console warning for each.
  strict: 'ignore',
  // In ems: `\rule{1000em}{1000em}` or `\kern` cannot cover the page.
  maxSize: 20,
  // `\def\a{\a\a}\a` stops at once.
  maxExpand: 200,
};

function braceDepth(tex: string): number {
  let depth = 0;
  let deepest = 0;
  for (let at = 0; at < tex.length; at++) {
    const character = tex[at];
    if (character === '\\') at++;
    else if (character === '{') deepest = Math.max(deepest, ++depth);
    else if (character === '}') depth = Math.max(0, depth - 1);
  }
  return deepest;
}

/** KaTeX's MathML for `tex` (as markup, to be sanitised before it reaches the page), or null. */
export function texToMathml(tex: string, display: boolean): string | null {
  if (tex.trim() === '' || tex.length > MAX_TEX_LENGTH || braceDepth(tex) > MAX_TEX_DEPTH) return null;
  const asked = { untrusted: false };
  try {
    const markup = katex.renderToString(tex, {
      ...OPTIONS,
      displayMode: display,
      trust: () => {
        asked.untrusted = true;
        return false;
      },
    });
    return asked.untrusted ? null : markup;
  } catch {
    // A ParseError (an unknown command, unbalanced braces), or a stack too deep for what is left.
    return null;
  }
}
