import { describe, expect, it } from 'vitest';
import { describeStatusChange, nextStatus, plural } from './status.js';

describe('status helpers', () => {
  it('cycles unread → reading → read → unread', () => {
    expect(nextStatus('unread')).toBe('reading');
    expect(nextStatus('reading')).toBe('read');
    expect(nextStatus('read')).toBe('unread');
    expect(nextStatus('dismissed')).toBe('unread');
  });

  it('counts in words', () => {
    expect(plural(1, 'paper')).toBe('1 paper');
    expect(plural(12_000, 'paper')).toBe('12,000 papers');
    expect(plural(2, 'match', 'matches')).toBe('2 matches');
    expect(describeStatusChange(1, 'read')).toBe('Marked paper as read');
    expect(describeStatusChange(3, 'unread')).toBe('Marked 3 papers as unread');
  });
});
