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
});
