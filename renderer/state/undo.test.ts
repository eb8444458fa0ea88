import { describe, expect, it } from 'vitest';
import { applyRestore, dropUndo, pushUndo, recordsBefore, restoreInputs, UNDO_LIMIT } from './undo.js';
import { paper } from '../../tests/builders.js';

describe('the undo stack', () => {
  it('keeps the latest changes, up to a limit', () => {
    let stack = pushUndo([], { label: 'first', records: [{ id: 'a', tags: [] }] });
    for (let i = 0; i < UNDO_LIMIT + 5; i += 1) stack = pushUndo(stack, { label: `${i}`, records: [{ id: 'a' }] });
    expect(stack).toHaveLength(UNDO_LIMIT);
    expect(stack.at(-1)?.label).toBe(`${UNDO_LIMIT + 4}`);
    expect(pushUndo([], { label: 'nothing', records: [] })).toEqual([]);
  });

  it('drops a change that failed', () => {
    const a = { label: 'a', records: [{ id: 'x' }] };
    const b = { label: 'b', records: [{ id: 'y' }] };
    expect(dropUndo([a, b], a)).toEqual([b]);
    expect(dropUndo([a], b)).toEqual([a]);
  });

  it('restores only the fields a change touched, the rest as the paper is now', () => {
    const before = paper('p', { status: 'reading', tags: ['old'], note: 'old note' });
    const statusEntry = { label: 'Marked paper as read', records: recordsBefore([before], { status: true }) };
    const now = paper('p', { status: 'read', readAt: '2026-01-01T00:00:00.000Z', tags: ['new'], note: 'new note' });
    expect(restoreInputs(statusEntry, () => now)).toEqual([
      { id: 'p', status: 'reading', readAt: null, tags: ['new'], note: 'new note' },
    ]);
    const tagEntry = { label: 'Tagged', records: recordsBefore([before], { tags: true }) };
    expect(restoreInputs(tagEntry, () => now)).toEqual([
      { id: 'p', status: 'read', readAt: '2026-01-01T00:00:00.000Z', tags: ['old'], note: 'new note' },
    ]);
    expect(restoreInputs(tagEntry, () => undefined)).toEqual([]);
  });

  it('shows a restore at once', () => {
    const restored = applyRestore(
      paper('p', { status: 'unread' }),
      { id: 'p', status: 'read', readAt: null, tags: ['t'], note: 'n' },
      '2026-02-02T00:00:00.000Z',
    );
    expect(restored).toMatchObject({ status: 'read', readAt: '2026-02-02T00:00:00.000Z', tags: ['t'], note: 'n' });
  });
});
