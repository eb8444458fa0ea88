import { describe, expect, it } from 'vitest';

import { clockAheadSentence, durationWords, keptBoth, problemSentence, waitingSentence } from './devices-words.js';

describe('the words for devices and note versions', () => {
  it('says how far a clock is ahead in its largest unit', () => {
    expect(durationWords(3 * 3_600_000 + 60_000)).toBe('3 hours');
    expect(durationWords(20 * 60_000)).toBe('20 minutes');
    expect(durationWords(1_000)).toBe('1 minute');
    expect(durationWords(2 * 86_400_000)).toBe('2 days');
    expect(clockAheadSentence('desktop', 3 * 3_600_000)).toBe(
      'The clock of desktop is 3 hours ahead of this computer’s; its changes are kept.',
    );
  });

  it('says changes waiting and files it cannot read in the product’s words', () => {
    expect(waitingSentence(1)).toMatch(/^1 change waits for the paper it is about/);
    expect(waitingSentence(2)).toMatch(/^2 changes wait for the papers/);
    expect(problemSentence({ file: 'devices/a/ops.0.jsonl', line: 3, reason: 'not a whole change' })).toBe(
      'devices/a/ops.0.jsonl, line 3: not a whole change. That line is skipped; the rest of the file is read.',
    );
    expect(problemSentence({ file: 'devices/a/state.1.json', line: null, reason: 'not whole yet' })).toMatch(
      /^devices\/a\/state\.1\.json: not whole yet\. Not read yet/,
    );
  });

  it('keeps both texts under a separator, once each, blank ones left out', () => {
    expect(keptBoth('mine\n', ['theirs', '  ', 'mine'])).toBe('mine\n\n---\n\ntheirs');
    expect(keptBoth('', ['theirs'])).toBe('theirs');
  });
});
