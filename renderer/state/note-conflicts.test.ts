import { describe, expect, it } from 'vitest';
import type { NoteVersion } from '../../core/api.js';
import { paper } from '../../tests/builders.js';
import { noteConflictsOf, withPaperConflicts } from './note-conflicts.js';
import { INITIAL_STATE, loaded } from './state.js';
import type { AppState } from './types.js';
import { isDecidedHere, visibleIds } from './visible.js';

const VERSION: NoteVersion = {
  text: 'At my desk.',
  device: 'desktop',
  deviceId: 'desktop00001',
  thisDevice: false,
  at: '2026-12-07T09:12:00.000Z',
};

describe('the papers whose note has versions from other computers', () => {
  it('are taken from the outline, the same map while they are the same', () => {
    const first = noteConflictsOf(new Map(), [{ id: 'p2', versions: [VERSION] }]);
    expect([...first.keys()]).toEqual(['p2']);
    expect(noteConflictsOf(first, [{ id: 'p2', versions: [{ ...VERSION }] }])).toBe(first);
    expect(noteConflictsOf(first, [{ id: 'p2', versions: [{ ...VERSION, text: 'Later.' }] }])).not.toBe(first);
    expect(noteConflictsOf(first).size).toBe(0);
  });

  it('take a saved note’s versions from the save’s answer: added, the same map while the same, gone when none', () => {
    const before = noteConflictsOf(new Map(), [{ id: 'p2', versions: [VERSION] }]);
    const typedOver = withPaperConflicts(before, 'p1', [
      { ...VERSION, text: 'From the command line.', thisDevice: true },
    ]);
    expect([...typedOver.keys()].sort()).toEqual(['p1', 'p2']);
    expect(withPaperConflicts(typedOver, 'p2', [{ ...VERSION }])).toBe(typedOver);
    expect([...withPaperConflicts(typedOver, 'p1').keys()]).toEqual(['p2']);
    expect(withPaperConflicts(before, 'p3')).toBe(before);
  });

  it('are what the Note conflicts view lists; one resolved there stays, as decided', () => {
    const library = loaded(INITIAL_STATE, [paper('p1'), paper('p2'), paper('p3')], []);
    const state: AppState = {
      ...library,
      filter: { kind: 'conflicts' },
      noteConflicts: noteConflictsOf(new Map(), [{ id: 'p2', versions: [VERSION] }]),
    };
    expect(visibleIds(state)).toEqual(['p2']);
    const resolved: AppState = { ...state, noteConflicts: new Map(), keep: new Set(['p2']) };
    expect(visibleIds(resolved)).toEqual(['p2']);
    expect(isDecidedHere(resolved, 'p2')).toBe(true);
    expect(isDecidedHere(state, 'p2')).toBe(false);
  });
});
