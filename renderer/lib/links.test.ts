import { describe, expect, it } from 'vitest';
import { paperLinks, safeHttpUrl } from './links.js';

describe('safeHttpUrl', () => {
  it('keeps absolute http(s) URLs only', () => {
    expect(safeHttpUrl('https://arxiv.org/abs/2310.13034')).toBe('https://arxiv.org/abs/2310.13034');
    expect(safeHttpUrl(' http://example.com ')).toBe('http://example.com/');
    for (const bad of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'file:///etc/passwd',
      '//evil.example',
      '/relative',
      'https://user:pass@example.com/',
      'vbscript:x',
      '',
    ]) {
      expect(safeHttpUrl(bad), bad).toBeNull();
    }
  });
});

describe('paperLinks', () => {
  it('puts arXiv and DOI first, names links, and drops duplicates and unsafe ones', () => {
    const links = paperLinks({
      arxivId: '2310.13034',
      doi: '10.1000/xyz123',
      links: [
        'https://arxiv.org/abs/2310.13034',
        'https://arxiv.org/pdf/2310.13034',
        'https://github.com/org/repo',
        'javascript:alert(1)',
      ],
    });
    expect(links.map((link) => link.label)).toEqual(['arXiv', 'DOI', 'PDF', 'GitHub']);
    expect(links[0]?.detail).toBe('2310.13034');
    expect(links[3]?.detail).toBe('org/repo');
  });

  it('has none for a paper without any', () => {
    expect(paperLinks({ arxivId: null, doi: null, links: [] })).toEqual([]);
  });
});
