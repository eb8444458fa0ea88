import { describe, expect, it } from 'vitest';
import { IMPORT_READING, IMPORT_SAVING } from '../library-service.js';
import { importProgressBar } from './progress-bar.js';

function drawn(steps: readonly [ms: number, done: number | 'saving'][]): string[] {
  const written: string[] = [];
  let time = 0;
  const bar = importProgressBar(
    (text) => written.push(text),
    () => time,
  );
  for (const [ms, done] of steps) {
    time = ms;
    // As the import tells it: the share of its files' bytes read (of 200 here), then saving.
    bar.update(
      done === 'saving'
        ? { message: IMPORT_SAVING, done: 0, total: null }
        : { message: IMPORT_READING, done: Math.floor((done / 200) * 100), total: 100, percent: true },
    );
  }
  bar.done();
  return written;
}

describe('the import progress bar', () => {
  it('is drawn over itself a few times a second at most, and cleared at the end', () => {
    expect(
      drawn([
        [10, 20],
        [300, 50],
        [400, 60],
        [600, 100],
        [900, 200],
        [1000, 'saving'],
        [1300, 'saving'],
      ]),
    ).toEqual([
      '\r\u001b[2KImporting ████████░░░░░░░░░░░░░░░░░░░░░░  25%',
      '\r\u001b[2KImporting ███████████████░░░░░░░░░░░░░░░  50%',
      '\r\u001b[2KImporting ██████████████████████████████ 100%',
      '\r\u001b[2KImporting: saving the library…',
      '\r\u001b[2K',
    ]);
  });

  it('shows a new stage at once', () => {
    expect(
      drawn([
        [300, 100],
        [350, 'saving'],
      ]),
    ).toEqual([
      '\r\u001b[2KImporting ███████████████░░░░░░░░░░░░░░░  50%',
      '\r\u001b[2KImporting: saving the library…',
      '\r\u001b[2K',
    ]);
  });

  it('is never drawn for a command that ends within a quarter of a second', () => {
    expect(
      drawn([
        [10, 100],
        [100, 200],
        [200, 'saving'],
      ]),
    ).toEqual([]);
  });

  it('is drawn when its time comes with what was told last, though nothing more is told: a long save shows', () => {
    const written: string[] = [];
    let time = 0;
    let pending: { readonly draw: () => void; readonly at: number } | null = null;
    const bar = importProgressBar(
      (text) => written.push(text),
      () => time,
      (draw, ms) => {
        pending = { draw, at: time + ms };
        return () => (pending = null);
      },
    );
    time = 50;
    bar.update({ message: IMPORT_READING, done: 100, total: 100, percent: true });
    time = 120;
    bar.update({ message: IMPORT_SAVING, done: 0, total: null });
    expect(written).toEqual([]);
    // The save goes on: the bar's time comes with nothing more told.
    const later = pending as { readonly draw: () => void; readonly at: number } | null;
    expect(later?.at).toBe(250);
    time = 250;
    later?.draw();
    time = 1900;
    bar.done();
    expect(written).toEqual(['\r\u001b[2KImporting: saving the library…', '\r\u001b[2K']);
  });
});
