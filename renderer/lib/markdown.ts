/**
 * Notes as HTML for the live preview. Raw HTML in a note is shown as text, never as markup; links become
 * http(s) links that open in the browser, anything else plain text; images (which the CSP blocks) become links.
 * Pure: the DOM-side sanitiser (sanitize.ts) runs on the result as a second line of defence.
 */

import { Marked, type Tokens } from 'marked';
import { safeHttpUrl } from './links.js';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

const marked = new Marked({ gfm: true, breaks: true, async: false });

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

export function markdownToHtml(markdown: string): string {
  return marked.parse(markdown, { async: false });
}
