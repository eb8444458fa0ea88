import { describe, expect, it } from 'vitest';

import { LINEAR_WORK_MS, timed } from '../tests/timing.js';
import { extractUrls, httpUrl, isHttpLink, MAX_LINK_LENGTH, normalizeDoi, paperLinks } from './links.js';

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

describe('isHttpLink', () => {
  it('says what httpUrl says of links of every kind of host, port, user name and path', () => {
    // isHttpLink tells plain links without parsing them: it must never keep one that httpUrl refuses.
    const schemes = ['http://', 'HTTPS://', 'https:/', 'ftp://', 'https:///'];
    const hosts = [
      'example.org',
      'EXAMPLE.org',
      'a.b.c.d',
      'x',
      'doi.org',
      'localhost',
      '1.2.3.4',
      '1.2.3.256',
      'a.1',
      'a.0x1f',
      'a.b1',
      '0x1f',
      'xn--nxasmq6b.com',
      'xn--zz.com',
      'ab--cd.org',
      '-a.org',
      'a-.org',
      'a..b',
      '.a',
      'a.',
      '.',
      'a_b.org',
      'exa mple.org',
      'münchen.de',
      `${'a'.repeat(63)}.org`,
      `${'a'.repeat(64)}.org`,
      `${'abcdefghi.'.repeat(25)}org`,
      `${'abcdefghi.'.repeat(26)}org`,
      '[::1]',
      'user@example.org',
      'user:pw@example.org',
      'example.org:8080',
      'example.org:99999',
      'example.org:',
      '%41.org',
      'a\\b.org',
      '',
    ];
    const rests = ['', '/', '/a/b?c=d#e', '?q', '#f', '/a b', '/\u0085', '/%zz', '/\\x', '/项目', '/\ud800', '\\path'];
    for (const scheme of schemes) {
      for (const host of hosts) {
        for (const rest of rests) {
          const link = `${scheme}${host}${rest}`;
          expect(isHttpLink(link), link).toBe(httpUrl(link) !== null);
        }
      }
    }
    expect(isHttpLink(`https://example.org/${'a'.repeat(MAX_LINK_LENGTH)}`)).toBe(false);
  });
});

describe('extractUrls', () => {
  it.each([
    ['code at https://github.com/harryjo97/GDSS.', ['https://github.com/harryjo97/GDSS']],
    ['(see https://example.org/a)', ['https://example.org/a']],
    ['[https://example.org/b]', ['https://example.org/b']],
    [
      'at https://example.org/c, https://example.org/d; and https://example.org/e!',
      ['https://example.org/c', 'https://example.org/d', 'https://example.org/e'],
    ],
    ['"https://example.org/q"?', ['https://example.org/q']],
    ["'https://example.org/s'", ['https://example.org/s']],
    [
      'https://en.wikipedia.org/wiki/Equivariant_map_(mathematics).',
      ['https://en.wikipedia.org/wiki/Equivariant_map_(mathematics)'],
    ],
    ['(https://en.wikipedia.org/wiki/Foo_(bar)).', ['https://en.wikipedia.org/wiki/Foo_(bar)']],
    ['[link](https://example.org/md)', ['https://example.org/md']],
    ['\\url{https://github.com/a/b\\_c}', ['https://github.com/a/b_c']],
    ['http://x.org/p?q=1&r=2#frag: done', ['http://x.org/p?q=1&r=2#frag']],
    ['见 https://example.cn/项目。', ['https://example.cn/项目']],
    ['no links here, nor in https:// alone', []],
    ['https://example.org/a_(b)))]].', ['https://example.org/a_(b)']],
  ])('%s', (text, urls) => {
    expect(extractUrls(text)).toEqual(urls);
  });

  it('trims a long run of closing brackets after a URL in linear time', () => {
    // It used to count the brackets again for every one it trimmed: 200,000 of them hung the import.
    for (const bracket of [')', ']']) {
      let urls: readonly string[] = [];
      expect(timed(() => (urls = extractUrls(`See http://example.org/${bracket.repeat(200_000)}`)))).toBeLessThan(
        LINEAR_WORK_MS,
      );
      expect(urls).toEqual(['http://example.org/']);
    }
  });
});

describe('paperLinks', () => {
  it('puts the arXiv page first and drops links to the same page, DOI or URL', () => {
    expect(
      paperLinks('2302.04265', [
        'https://github.com/Newbeeer/pfgmpp',
        'http://arxiv.org/pdf/2302.04265v2.pdf',
        null,
        'https://doi.org/10.5555/ABC',
        'http://dx.doi.org/10.5555/abc',
        'https://github.com/Newbeeer/pfgmpp/',
        'https://arxiv.org/abs/2301.00001',
      ]),
    ).toEqual([
      'https://arxiv.org/abs/2302.04265',
      'https://github.com/Newbeeer/pfgmpp',
      'https://doi.org/10.5555/ABC',
      'https://arxiv.org/abs/2301.00001',
    ]);
  });

  it('has no arXiv link without an id', () => {
    expect(paperLinks(null, ['https://example.org'])).toEqual(['https://example.org']);
  });
});

describe('normalizeDoi', () => {
  it('normalises DOIs', () => {
    expect(normalizeDoi('https://doi.org/10.1145/3589334.3645678')).toBe('10.1145/3589334.3645678');
    expect(normalizeDoi('doi: 10.1000/a\\_b')).toBe('10.1000/a_b');
    expect(normalizeDoi('not a doi')).toBeNull();
  });

  it('reads a bare DOI as it is, and one with an escape as the escape says', () => {
    expect(normalizeDoi('  10.1000/jmlr.2015.0 ')).toBe('10.1000/jmlr.2015.0');
    expect(normalizeDoi('10.1000/a\\_b\\%c')).toBe('10.1000/a_b%c');
    expect(normalizeDoi('10.1000/a b')).toBeNull();
    expect(normalizeDoi('10.10/short')).toBeNull();
  });
});
