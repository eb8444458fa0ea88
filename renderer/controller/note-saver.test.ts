import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { NoteSaver } from './note-saver.js';

describe('NoteSaver', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('saves once, 500 ms after the last keystroke', async () => {
    const save = vi.fn(async () => {});
    const saver = new NoteSaver(save);
    saver.edit('p', 'h', '');
    await vi.advanceTimersByTimeAsync(300);
    saver.edit('p', 'hello', '');
    expect(saver.status('p').kind).toBe('pending');
    await vi.advanceTimersByTimeAsync(499);
    expect(save).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(save).toHaveBeenCalledExactlyOnceWith('p', 'hello', '');
    expect(saver.status('p').kind).toBe('saved');
    expect(saver.hasUnsaved()).toBe(false);
  });

  it('saves at once on flush (blur, another paper)', async () => {
    const save = vi.fn(async () => {});
    const saver = new NoteSaver(save);
    saver.edit('p', 'text', '');
    saver.flush('p');
    await vi.advanceTimersByTimeAsync(0);
    expect(save).toHaveBeenCalledExactlyOnceWith('p', 'text', '');
    await vi.advanceTimersByTimeAsync(1000);
    expect(save).toHaveBeenCalledOnce();
  });

  it('gives way to the library’s note once a reload brings a newer one, and keeps what is unsaved', async () => {
    const saver = new NoteSaver(vi.fn(async () => {}));
    saver.edit('p', 'The book.', '');
    saver.flush('p');
    await vi.advanceTimersByTimeAsync(0);
    saver.settle('p', 'The book.');
    expect(saver.draft('p')).toBe('The book.');
    // A merge wrote another paper's note under it.
    saver.settle('p', 'The book.\n\nThe chapter.');
    expect(saver.draft('p')).toBeUndefined();
    // Typing not yet saved stays.
    saver.edit('q', 'typing', '');
    saver.settle('q', 'something else');
    expect(saver.draft('q')).toBe('typing');
  });

  it('keeps the text being typed when the note changed elsewhere, says so, and can keep both', async () => {
    const save = vi.fn(async () => {});
    const saver = new NoteSaver(save);
    saver.edit('p', 'Mine, saved.', 'Before.');
    saver.flush('p');
    await vi.advanceTimersByTimeAsync(0);
    // A reload read before the save landed brings an older text of this page's: no change made elsewhere.
    saver.settle('p', 'Before.', true);
    expect(saver.changedElsewhere('p')).toBeNull();
    // The editor has the focus, everything saved; another computer's text arrives.
    saver.settle('p', 'Theirs.', true);
    expect(saver.draft('p')).toBe('Mine, saved.');
    expect(saver.changedElsewhere('p')).toBe('Theirs.');
    saver.keepBoth('p');
    expect(saver.changedElsewhere('p')).toBeNull();
    expect(saver.draft('p')).toBe('Mine, saved.\n\nTheirs.');
    await vi.advanceTimersByTimeAsync(500);
    expect(save).toHaveBeenLastCalledWith('p', 'Mine, saved.\n\nTheirs.', 'Theirs.');
  });

  it('saves the unsaved text over a note changed elsewhere, once the notice is dismissed too', async () => {
    const save = vi.fn(async () => {});
    const saver = new NoteSaver(save);
    saver.edit('p', 'Typing', 'Before.');
    saver.settle('p', 'Theirs.');
    expect(saver.draft('p')).toBe('Typing');
    expect(saver.changedElsewhere('p')).toBe('Theirs.');
    saver.dismissElsewhere('p');
    expect(saver.changedElsewhere('p')).toBeNull();
    await vi.advanceTimersByTimeAsync(500);
    expect(save).toHaveBeenCalledExactlyOnceWith('p', 'Typing', 'Theirs.');
    expect(saver.hasUnsaved()).toBe(false);
  });

  it('says with each save what the note was when it was typed over: the library’s, as the last save or reload left it', async () => {
    const save = vi.fn(async () => {});
    const saver = new NoteSaver(save);
    saver.edit('p', 'First.', 'As loaded.');
    await vi.advanceTimersByTimeAsync(500);
    expect(save).toHaveBeenLastCalledWith('p', 'First.', 'As loaded.');
    saver.edit('p', 'First. Second.', 'As loaded.');
    await vi.advanceTimersByTimeAsync(500);
    expect(save).toHaveBeenLastCalledWith('p', 'First. Second.', 'First.');
  });

  it('does not save text that is what the library has', async () => {
    const save = vi.fn(async () => {});
    const saver = new NoteSaver(save);
    saver.edit('p', 'same', 'same');
    saver.flush('p');
    await vi.advanceTimersByTimeAsync(1000);
    expect(save).not.toHaveBeenCalled();
  });

  it('saves what was typed during a save right after it', async () => {
    let finish: () => void = () => undefined;
    const save = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    const saver = new NoteSaver(save);
    saver.edit('p', 'one', '');
    await vi.advanceTimersByTimeAsync(500);
    expect(saver.status('p').kind).toBe('saving');
    saver.edit('p', 'one two', '');
    await vi.advanceTimersByTimeAsync(600);
    expect(save).toHaveBeenCalledTimes(1);
    finish();
    await vi.advanceTimersByTimeAsync(0);
    await vi.advanceTimersByTimeAsync(500);
    expect(save).toHaveBeenLastCalledWith('p', 'one two', 'one');
    finish();
    await vi.advanceTimersByTimeAsync(0);
    expect(saver.status('p').kind).toBe('saved');
    expect(saver.draft('p')).toBe('one two');
  });

  it('says why it could not save, and retries with back-off until it can', async () => {
    let failures = 2;
    const save = vi.fn(() =>
      failures-- > 0 ? Promise.reject(new Error('The library file is locked by another program.')) : Promise.resolve(),
    );
    const saver = new NoteSaver(save);
    saver.edit('p', 'text', '');
    await vi.advanceTimersByTimeAsync(500);
    expect(saver.status('p')).toEqual({
      kind: 'failed',
      reason: 'The library file is locked by another program',
      retryInMs: 1000,
    });
    expect(saver.hasUnsaved()).toBe(true);
    await vi.advanceTimersByTimeAsync(1000);
    expect(saver.status('p')).toMatchObject({ kind: 'failed', retryInMs: 2000 });
    await vi.advanceTimersByTimeAsync(2000);
    expect(save).toHaveBeenCalledTimes(3);
    expect(saver.status('p').kind).toBe('saved');
  });

  it('tells subscribers about every change', async () => {
    const saver = new NoteSaver(async () => {});
    const listener = vi.fn();
    const unsubscribe = saver.subscribe(listener);
    const before = saver.snapshot();
    saver.edit('p', 'x', '');
    await vi.advanceTimersByTimeAsync(500);
    expect(listener.mock.calls.length).toBeGreaterThanOrEqual(3);
    expect(saver.snapshot()).toBeGreaterThan(before);
    unsubscribe();
  });
});
