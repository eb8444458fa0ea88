import { describe, expect, it } from 'vitest';
import { markdownToHtml } from './markdown.js';

describe('markdownToHtml', () => {
  it('renders Markdown', () => {
    expect(markdownToHtml('Some **bold** and _italic_.')).toBe(
      '<p>Some <strong>bold</strong> and <em>italic</em>.</p>\n',
    );
    expect(markdownToHtml('- a\n- b')).toContain('<li>a</li>');
  });

  it('shows raw HTML as text', () => {
    const html = markdownToHtml(
      '<img src=x onerror=alert(1)>\n\n<script>alert(2)</script> and <b onclick=x>inline</b>',
    );
    expect(html).not.toMatch(/<img|<script|<b /);
    expect(html).toContain('&#60;img src=x onerror=alert(1)&#62;');
  });

  it('links only http(s), opening in the browser', () => {
    expect(markdownToHtml('[paper](https://arxiv.org/abs/1)')).toBe(
      '<p><a href="https://arxiv.org/abs/1" target="_blank" rel="noopener noreferrer">paper</a></p>\n',
    );
    expect(markdownToHtml('[run](javascript:alert(1))')).toBe('<p>run</p>\n');
    expect(markdownToHtml('[file](file:///etc/passwd)')).toBe('<p>file</p>\n');
    expect(markdownToHtml('<https://example.com>')).toContain('href="https://example.com/"');
  });

  it('turns images, which the page does not load, into links', () => {
    expect(markdownToHtml('![figure](https://example.com/f.png)')).toContain(
      '<a href="https://example.com/f.png" target="_blank" rel="noopener noreferrer">figure</a>',
    );
    expect(markdownToHtml('![x](data:image/png;base64,AAA)')).toBe('<p>x</p>\n');
  });

  it('escapes attribute-breaking titles', () => {
    expect(markdownToHtml('[a](https://e.com "x\\" onmouseover=\\"y")')).not.toContain('" onmouseover');
  });

  describe('math', () => {
    const tag = (tex: string, display: boolean): string => `<math${display ? ' display="block"' : ''}>${tex}</math>`;

    it('gives each formula to the math renderer', () => {
      expect(markdownToHtml('Bound $L_2$ and $$\\frac{a}{b}$$ here.', tag)).toBe(
        '<p>Bound <math>L_2</math> and <math display="block">\\frac{a}{b}</math> here.</p>\n',
      );
    });

    it('shows a formula as written, escaped, until it has markup', () => {
      expect(markdownToHtml('A $x<y$ formula.')).toBe('<p>A $x&#60;y$ formula.</p>\n');
      expect(markdownToHtml('A $x$ formula.', () => undefined)).toBe('<p>A $x$ formula.</p>\n');
    });

    it('leaves code spans, code blocks, escaped dollars and prices alone', () => {
      expect(markdownToHtml('Code `$x$` and\n\n```\n$y$\n```', tag)).toBe(
        '<p>Code <code>$x$</code> and</p>\n<pre><code>$y$\n</code></pre>\n',
      );
      expect(markdownToHtml('Costs \\$5 and $10, or $5 and $10.', tag)).toBe(
        '<p>Costs $5 and $10, or $5 and $10.</p>\n',
      );
    });

    it('reads no emphasis inside a formula, and keeps emphasis around one', () => {
      expect(markdownToHtml('$a_1 * b_1$ and $c * d$', tag)).toBe(
        '<p><math>a_1 * b_1</math> and <math>c * d</math></p>\n',
      );
      expect(markdownToHtml('*see $a*b$ here*', tag)).toBe('<p><em>see <math>a*b</math> here</em></p>\n');
    });

    it('finds formulas in list items and tables, and no further than its reach', () => {
      expect(markdownToHtml('- $x$\n- two', tag)).toContain('<li><math>x</math></li>');
      expect(markdownToHtml(`$${'x'.repeat(3_000)}$`, tag)).not.toContain('<math>');
    });
  });
});
