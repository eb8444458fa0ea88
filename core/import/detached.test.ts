import { describe, expect, it } from 'vitest';
import { detached } from './detached.js';

describe('detached', () => {
  it('gives the same text, however short or long, and with a surrogate pair or two-byte text where it is cut', () => {
    const whole = `${'x'.repeat(100)}😀 Schrödinger’s ${'abc'.repeat(20)} ${'é'.repeat(30)}`;
    for (const [start, end] of [
      [0, 0],
      [0, 12],
      [0, 13],
      [100, 140],
      [101, 140],
      [0, whole.length],
    ] as const) {
      const text = whole.slice(start, end);
      expect(detached(text)).toBe(text);
    }
  });
});
