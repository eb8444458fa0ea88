import { describe, expect, it } from 'vitest';
import { parseJson } from './json.js';
import { DigestError } from './types.js';

describe('parseJson', () => {
  it('says why JSON is invalid in one clean line', () => {
    const message = ((): string => {
      try {
        parseJson('{"a": \u202e\u001b[2J');
      } catch (error) {
        if (error instanceof DigestError) return error.message;
      }
      return 'no DigestError';
    })();
    expect(message).toMatch(/^it is not valid JSON \(/);
    expect(message).not.toMatch(/[\p{Cc}\u202e]/u);
  });
});
