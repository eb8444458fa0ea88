import { describe, expect, it } from 'vitest';
import type { ReadingState } from './model.js';
import { addTags, normalizeTag, removeTags, renameTag, restoreState, setNote, setStatus, snooze } from './reading.js';

const T1 = '2026-11-27T10:00:00.000Z';
const T2 = '2026-11-28T10:00:00.000Z';

describe('reading state changes', () => {
  it('marks read with the time, and clears it when unread again', () => {
    const read = setStatus(undefined, 'read', T1);
    expect(read).toEqual({ status: 'read', tags: [], note: '', readAt: T1, updatedAt: T1 });
    expect(setStatus(read, 'read', T2)).toBe(read);
    expect(setStatus(read, 'unread', T2)).toEqual({
      status: 'unread',
      tags: [],
      note: '',
      readAt: null,
      updatedAt: T2,
    });
  });

  it('keeps tags in the order added, without case-insensitive duplicates', () => {
    const tagged = addTags(undefined, ['GNN', 'to read', 'gnn'], T1);
    expect(tagged?.tags).toEqual(['GNN', 'to-read']);
    expect(addTags(tagged, ['gnn'], T2)).toBe(tagged);
    expect(removeTags(tagged, ['Gnn'], T2)?.tags).toEqual(['to-read']);
  });

  it('rejects tags that are empty, too long or hold a comma', () => {
    expect(() => normalizeTag('   ')).toThrow('A tag cannot be empty.');
    expect(() => normalizeTag('x'.repeat(65))).toThrow('at most 64 characters');
    expect(() => normalizeTag('a,b')).toThrow('comma');
  });

  it('replaces the note and leaves an identical one unchanged', () => {
    const noted = setNote(undefined, '# Thoughts\n\nGood.', T1);
    expect(noted?.note).toBe('# Thoughts\n\nGood.');
    expect(setNote(noted, '# Thoughts\n\nGood.', T2)).toBe(noted);
  });

  it('renames a tag, merging into one that is already there', () => {
    const state: ReadingState = {
      status: 'unread',
      tags: ['gnn', 'graphs', 'later'],
      note: '',
      readAt: null,
      updatedAt: T1,
    };
    expect(renameTag(state, 'gnn', 'graphs', T2).tags).toEqual(['graphs', 'later']);
    expect(renameTag(state, 'missing', 'x', T2)).toBe(state);
  });

  it('restores an earlier state as a new change', () => {
    const read = setStatus(undefined, 'read', T1);
    const restored = restoreState(read, { status: 'unread', tags: [], note: '', readAt: null }, T2);
    expect(restored).toEqual({ status: 'unread', tags: [], note: '', readAt: null, updatedAt: T2 });
  });

  it('dismisses, and brings a dismissed paper back with unread', () => {
    const dismissed = setStatus(undefined, 'dismissed', T1);
    expect(dismissed).toEqual({ status: 'dismissed', tags: [], note: '', readAt: null, updatedAt: T1 });
    expect(setStatus(dismissed, 'unread', T2)?.status).toBe('unread');
  });

  it('snoozes an unread paper until a day, keeping its tags and note', () => {
    const tagged = addTags(setStatus(undefined, 'reading', T1), ['later'], T1);
    const snoozed = snooze(tagged, '2026-12-01', T2);
    expect(snoozed).toEqual({
      status: 'unread',
      tags: ['later'],
      note: '',
      readAt: null,
      updatedAt: T2,
      snoozedUntil: '2026-12-01',
    });
    expect(snooze(snoozed, '2026-12-01', T2)).toBe(snoozed);
    expect(setNote(snoozed, 'kept', T2)?.snoozedUntil).toBe('2026-12-01');
    expect(() => snooze(undefined, '2026-02-30', T2)).toThrow('"2026-02-30" is not a day');
  });

  it('ends a snooze with any decision, unread included (the undo of a snooze)', () => {
    const snoozed = snooze(undefined, '2026-12-01', T1);
    expect(setStatus(snoozed, 'unread', T2)).toEqual({
      status: 'unread',
      tags: [],
      note: '',
      readAt: null,
      updatedAt: T2,
    });
    expect(setStatus(snoozed, 'read', T2)).toEqual({ status: 'read', tags: [], note: '', readAt: T2, updatedAt: T2 });
    expect(setStatus(snoozed, 'dismissed', T2)?.snoozedUntil).toBeUndefined();
  });

  it('restores a snooze, and restores a paper to no snooze', () => {
    const plain = { status: 'unread', tags: [], note: '', readAt: null } as const;
    const snoozed = restoreState(undefined, { ...plain, snoozedUntil: '2026-12-01' }, T1);
    expect(snoozed?.snoozedUntil).toBe('2026-12-01');
    expect(restoreState(snoozed, { ...plain, snoozedUntil: '2026-12-01' }, T2)).toBe(snoozed);
    expect(restoreState(snoozed, plain, T2)).toEqual({ ...plain, updatedAt: T2 });
    // Only an unread paper is snoozed.
    expect(restoreState(undefined, { ...plain, status: 'read', snoozedUntil: '2026-12-01' }, T1)?.snoozedUntil).toBe(
      undefined,
    );
  });
});
