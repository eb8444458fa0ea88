import { describe, expect, it } from 'vitest';
import { parseQuery } from './parse-query.js';

describe('parseQuery', () => {
  it('splits words on whitespace and keeps them as typed', () => {
    expect(parseQuery('  Equivariant   netwroks ')).toEqual({
      words: ['Equivariant', 'netwroks'],
      tags: [],
      statuses: [],
    });
    expect(parseQuery('')).toEqual({ words: [], tags: [], statuses: [] });
  });

  it('reads tag: case-insensitively, every one kept once', () => {
    expect(parseQuery('tag:ML TAG:vision Tag:ml graphs')).toEqual({
      words: ['graphs'],
      tags: ['ML', 'vision'],
      statuses: [],
    });
    expect(parseQuery('tag:"machine learning"').tags).toEqual(['machine learning']);
  });

  it('reads is: for the three statuses, each kept once', () => {
    expect(parseQuery('is:unread IS:Reading is:unread').statuses).toEqual(['unread', 'reading']);
    expect(parseQuery('is:read').statuses).toEqual(['read']);
  });

  it('reads is: for the triage views too: dismissed and snoozed', () => {
    expect(parseQuery('is:Dismissed is:snoozed').statuses).toEqual(['dismissed', 'snoozed']);
  });

  it('treats an unknown qualifier or status as an ordinary word', () => {
    expect(parseQuery('foo:bar is:done')).toEqual({ words: ['foo:bar', 'is:done'], tags: [], statuses: [] });
  });

  it('ignores a qualifier with nothing after the colon yet', () => {
    expect(parseQuery('graphs tag:')).toEqual({ words: ['graphs'], tags: [], statuses: [] });
    expect(parseQuery('is:')).toEqual({ words: [], tags: [], statuses: [] });
  });

  it('keeps a quoted phrase as one word, even while its closing quote is not typed yet', () => {
    expect(parseQuery('"frame averaging" network').words).toEqual(['frame averaging', 'network']);
    expect(parseQuery('network "frame  aver').words).toEqual(['network', 'frame aver']);
  });

  it('drops words with no letter or digit', () => {
    expect(parseQuery('graphs - & "" … neural').words).toEqual(['graphs', 'neural']);
    expect(parseQuery('SE(3) 3').words).toEqual(['SE(3)', '3']);
  });
});
