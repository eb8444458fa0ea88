import { describe, expect, it } from 'vitest';

import { httpUrl, isHttpLink, MAX_LINK_LENGTH } from './links.js';

describe('httpUrl', () => {
  it('keeps absolute http(s) links, normalised', () => {
    expect(httpUrl('https://arxiv.org/abs/2503.01234')).toBe('https://arxiv.org/abs/2503.01234');
    expect(httpUrl('HTTP://ArXiv.org')).toBe('http://arxiv.org/');
    expect(httpUrl('https://example.org/a%20b')).toBe('https://example.org/a%20b');
  });

  it.each([
    ['another scheme', 'javascript:alert(1)'],
    ['a file', 'file:///etc/passwd'],
    ['a relative link', '/papers/1'],
    ['a user name that hides the host', 'https://arxiv.org@evil.example/'],
    ['a password', 'https://user:secret@example.org/'],
    ['a space', 'https://example.org/a b'],
    ['a line break the parser would drop', 'https://exam\nple.org/'],
    ['a C1 control character', 'https://example.org/\u0085'],
    ['text around it', ' https://example.org/'],
    ['no host', 'https://'],
    ['too long a link', `https://example.org/${'a'.repeat(MAX_LINK_LENGTH)}`],
  ])('refuses %s', (_, link) => {
    expect(httpUrl(link)).toBeNull();
    expect(isHttpLink(link)).toBe(false);
  });
});
