/**
 * The last step before note HTML reaches the page: DOMPurify, with only http(s) links, opening in the browser, and
 * the MathML of formulas (lib/math.ts, sanitised on its own already).
 */

import createDOMPurify from 'dompurify';
import { markdownToHtml } from './markdown.js';
import { safeHttpUrl } from './links.js';
import { mathMarkup } from './math.js';
import { MATHML_ATTRIBUTES, MATHML_ELEMENTS, MATHML_FORBIDDEN_CONTENTS } from './mathml.js';

const purify = createDOMPurify(window);

purify.addHook('afterSanitizeAttributes', (node) => {
  if (node.tagName === 'INPUT') {
    // Only the disabled checkboxes of a task list ("- [x] done"), each named by its task for a screen reader.
    if (node.getAttribute('type') !== 'checkbox') {
      node.remove();
    } else {
      node.setAttribute('disabled', '');
      node.setAttribute('aria-label', taskText(node));
    }
    return;
  }
  if (node.tagName === 'A') {
    const href = safeHttpUrl(node.getAttribute('href') ?? '');
    if (href === null) {
      node.removeAttribute('href');
      node.removeAttribute('target');
    } else {
      node.setAttribute('href', href);
      node.setAttribute('target', '_blank');
      node.setAttribute('rel', 'noopener noreferrer');
    }
  }
});

/** A task's text: what follows its checkbox in the list item, up to a nested list. */
function taskText(checkbox: Element): string {
  let text = '';
  for (let node = checkbox.nextSibling; node !== null; node = node.nextSibling) {
    if (node.nodeName === 'UL' || node.nodeName === 'OL') break;
    text += node.textContent ?? '';
  }
  return text.replace(/\s+/g, ' ').trim() || 'Task';
}

const OPTIONS = {
  ALLOWED_TAGS: [
    'p',
    'br',
    'hr',
    'h1',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'strong',
    'em',
    'del',
    's',
    'code',
    'pre',
    'blockquote',
    'ul',
    'ol',
    'li',
    'a',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
    'input',
    'span',
    'sup',
    'sub',
    ...MATHML_ELEMENTS,
  ],
  ALLOWED_ATTR: [
    'href',
    'title',
    'target',
    'rel',
    'type',
    'checked',
    'disabled',
    'align',
    'start',
    ...MATHML_ATTRIBUTES,
  ],
  ADD_FORBID_CONTENTS: [...MATHML_FORBIDDEN_CONTENTS],
  ALLOW_DATA_ATTR: false,
};

/**
 * A note's Markdown as HTML that is safe to put in the page. Its formulas are rendered once the math renderer has
 * arrived (asking for one fetches it); until then they show as written.
 */
export function renderNote(markdown: string): string {
  return purify.sanitize(
    markdownToHtml(markdown, (tex, display) => mathMarkup(tex, display)?.markup),
    OPTIONS,
  );
}
