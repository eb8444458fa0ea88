/**
 * Notes as HTML for the live preview. Raw HTML in a note is shown as text, never as markup; links become
 * http(s) links that open in the browser, anything else plain text; images (which the CSP blocks) become links;
 * `$…$` and `$$…$$` formulas (core/math-spans.ts's rule, outside code) become what the caller's math renderer
 * makes of them, or stay as written. Pure but for that renderer: the DOM-side sanitiser (sanitize.ts) runs on the
 * result as a second line of defence.
 */

import { Marked, type Tokens, type TokenizerAndRendererExtension } from 'marked';
import { mathSpans } from '../../core/math-spans.js';
import { safeHttpUrl } from './links.js';

/** A formula's markup; null (or undefined, while it is on its way) to show the formula as written. */
export type MathRenderer = (tex: string, display: boolean) => string | null | undefined;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

const marked = new Marked({ gfm: true, breaks: true, async: false });

/**
 * The longest formula a note renders. A formula is looked for at each `$`, in the text up to this far from it, so
 * that a note of many dollars costs time in proportion to its length, not to its length squared.
 */
const LONGEST_NOTE_FORMULA = 2_000;

interface MathToken extends Tokens.Generic {
  readonly type: 'math';
  readonly raw: string;
  readonly tex: string;
  readonly display: boolean;
}

/** The math renderer of the markdownToHtml call under way (parsing is synchronous). */
let renderMath: MathRenderer = () => null;

const math: TokenizerAndRendererExtension = {
  name: 'math',
  level: 'inline',
  start(src: string): number | undefined {
    const at = src.indexOf('$');
    return at < 0 ? undefined : at;
  },
  tokenizer(src: string): MathToken | undefined {
    if (!src.startsWith('$')) return undefined;
    const near = src.slice(0, LONGEST_NOTE_FORMULA + 1);
    const [span] = mathSpans(near);
    // A span that ends where `near` was cut might not end there in the whole text.
    if (span?.start !== 0 || (span.end >= near.length && near.length < src.length)) return undefined;
    const delimiter = span.display ? 2 : 1;
    const raw = src.slice(0, span.end);
    return { type: 'math', raw, tex: raw.slice(delimiter, -delimiter), display: span.display };
  },
  renderer(token: Tokens.Generic): string {
    const { raw, tex, display } = token as MathToken;
    return renderMath(tex, display) ?? escapeHtml(raw);
  },
};

marked.use({
  extensions: [math],
  hooks: {
    // Emphasis looks for its closing `*` or `_` over the whole paragraph: one inside a formula is not one.
    emStrongMask(src: string): string {
      if (!src.includes('$')) return src;
      let masked = '';
      let at = 0;
      for (const span of mathSpans(src)) {
        masked += src.slice(at, span.start) + src.slice(span.start, span.end).replace(/[*_~]/g, 'a');
        at = span.end;
      }
      return masked + src.slice(at);
    },
  },
});

marked.use({
  renderer: {
    html({ text }: Tokens.HTML | Tokens.Tag): string {
      return escapeHtml(text);
    },
    link({ href, title, tokens }: Tokens.Link): string {
      const inner = this.parser.parseInline(tokens);
      const url = safeHttpUrl(href);
      if (url === null) return inner;
      const titleAttribute = title != null && title !== '' ? ` title="${escapeHtml(title)}"` : '';
      return `<a href="${escapeHtml(url)}"${titleAttribute} target="_blank" rel="noopener noreferrer">${inner}</a>`;
    },
    image({ href, text }: Tokens.Image): string {
      const url = safeHttpUrl(href);
      const label = escapeHtml(text === '' ? 'image' : text);
      return url === null
        ? label
        : `<a href="${escapeHtml(url)}" target="_blank" rel="noopener noreferrer">${label}</a>`;
    },
  },
});

/** The note's Markdown as HTML; its formulas as `math` makes them, or as written (the default). */
export function markdownToHtml(markdown: string, math: MathRenderer = () => null): string {
  renderMath = math;
  try {
    return marked.parse(markdown, { async: false });
  } finally {
    renderMath = () => null;
  }
}
