import { describe, expect, it } from 'vitest';
import { Vocabulary } from './vocabulary.js';

function termsIn(vocabulary: Vocabulary, [first, end]: readonly [number, number]): string[] {
  return Array.from({ length: end - first }, (_, index) => vocabulary.termOf(vocabulary.idAt(first + index)));
}

describe('Vocabulary', () => {
  it('numbers each distinct term once', () => {
    const vocabulary = new Vocabulary();
    expect([vocabulary.intern('graph'), vocabulary.intern('net'), vocabulary.intern('graph')]).toEqual([0, 1, 0]);
    expect(vocabulary.idOf('net')).toBe(1);
    expect(vocabulary.idOf('nets')).toBeUndefined();
  });

  it('finds the terms with a prefix, including terms added later', () => {
    const vocabulary = new Vocabulary();
    for (const term of ['network', 'neural', 'net', 'graph', 'networks']) vocabulary.intern(term);
    expect(termsIn(vocabulary, vocabulary.prefixRange('net'))).toEqual(['net', 'network', 'networks']);
    const before = vocabulary.version;
    vocabulary.intern('netflix');
    expect(vocabulary.version).toBeGreaterThan(before);
    expect(termsIn(vocabulary, vocabulary.prefixRange('net'))).toEqual(['net', 'netflix', 'network', 'networks']);
    expect(termsIn(vocabulary, vocabulary.prefixRange('zz'))).toEqual([]);
  });

  it('groups terms by their prefixes of a length', () => {
    const vocabulary = new Vocabulary();
    for (const term of ['net', 'network', 'networks', 'neural', 'graph']) vocabulary.intern(term);
    const bucket = vocabulary.prefixBucket(4);
    expect(bucket.prefixes).toEqual(['grap', 'netw', 'neur']);
    expect(termsIn(vocabulary, [bucket.first[1] ?? 0, bucket.end[1] ?? 0])).toEqual(['network', 'networks']);
  });
});
