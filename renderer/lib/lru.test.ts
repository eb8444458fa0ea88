import { describe, expect, it } from 'vitest';
import { LruCache } from './lru.js';

describe('LruCache', () => {
  it('keeps at most its capacity, dropping the entry used longest ago', () => {
    const cache = new LruCache<string, number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    expect(cache.get('a')).toBe(1); // a is now the most recent
    cache.set('c', 3);
    expect(cache.has('b')).toBe(false);
    expect(cache.get('a')).toBe(1);
    expect(cache.get('c')).toBe(3);
    expect(cache.size).toBe(2);
  });

  it('setting a key again updates it without growing', () => {
    const cache = new LruCache<string, string>(2);
    cache.set('a', 'x');
    cache.set('b', 'y');
    cache.set('a', 'z');
    cache.set('c', 'w');
    expect(cache.get('a')).toBe('z');
    expect(cache.has('b')).toBe(false);
    expect(cache.size).toBe(2);
  });

  it('tells a stored undefined or null from an absent key', () => {
    const cache = new LruCache<string, string | null>(3);
    cache.set('failed', null);
    expect(cache.has('failed')).toBe(true);
    expect(cache.get('failed')).toBeNull();
    expect(cache.get('missing')).toBeUndefined();
  });

  it('refuses a capacity below one', () => {
    expect(() => new LruCache(0)).toThrow(RangeError);
  });
});
