import { describe, expect, it } from 'vitest';
import { ApiCallError, type LibraryDevices, type NoteVersion } from '../../core/api.js';
import type { Paper } from '../../core/model.js';
import { paper } from '../../tests/builders.js';
import { INITIAL_STATE, loaded, paperById } from '../state/state.js';
import { createStore } from '../state/store.js';
import type { AppState } from '../state/types.js';
import { NoteConflicts } from './note-conflicts.js';
import { NoteSaver } from './note-saver.js';

const FROM_DESKTOP: NoteVersion = {
  text: 'At my desk.',
  device: 'desktop',
  deviceId: 'desktop00001',
  thisDevice: false,
  at: '2026-12-07T09:12:00.000Z',
};

/** A page showing paper p1, whose note "On the train." has a version from the desktop beside it. */
function page(answer: (id: string, note: string) => Promise<Paper>) {
  const state: AppState = {
    ...loaded(INITIAL_STATE, [paper('p1', { note: 'On the train.' })], []),
    noteConflicts: new Map([['p1', [FROM_DESKTOP]]]),
  };
  const store = createStore(state);
  const toasts: string[] = [];
  const saves: string[] = [];
  const notes = new NoteSaver(
    (_id, note) => {
      saves.push(note);
      return Promise.resolve();
    },
    { setTimeout, clearTimeout },
    5,
  );
  const sent: string[] = [];
  const devices: LibraryDevices = { devices: [], waiting: 0, problems: [] };
  const conflicts = new NoteConflicts(
    store,
    {
      resolveNote: (id, note) => {
        sent.push(note);
        return answer(id, note);
      },
      listDevices: () => Promise.resolve(devices),
    },
    {
      kept: (id, note) => notes.kept(id, note),
      draft: (id) => notes.draft(id),
      restoreDraft: (id, draft, stored) => notes.edit(id, draft, stored),
      toast: (message) => toasts.push(message),
    },
  );
  return { store, notes, conflicts, toasts, sent, saves, devices };
}

describe('keeping one version of a note written on two computers', () => {
  it('shows the kept text at once, the versions gone, and says so once the library has it', async () => {
    const { store, conflicts, toasts, sent } = page((id, note) => Promise.resolve(paper(id, { note })));
    const keeping = conflicts.keep('p1', 'At my desk.', 'Kept the note from desktop.');
    expect(paperById(store.get(), 'p1')?.note).toBe('At my desk.');
    expect(store.get().noteConflicts.size).toBe(0);
    await keeping;
    expect(sent).toEqual(['At my desk.']);
    expect(toasts).toEqual(['Kept the note from desktop.']);
    // It stays in the view it was resolved in (Note conflicts), marked as decided.
    expect(store.get().keep.has('p1')).toBe(true);
  });

  it('lets go of what was typed and not saved: the text kept is not saved over', async () => {
    const { notes, conflicts, saves } = page((id, note) => Promise.resolve(paper(id, { note })));
    notes.edit('p1', 'On the train, and more', 'On the train.');
    await conflicts.keep('p1', 'At my desk.', 'Kept the note from desktop.');
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(saves).toEqual([]);
    expect(notes.draft('p1')).toBe('At my desk.');
  });

  it('puts the versions, the note and the text typed back when the library refuses', async () => {
    const { store, notes, conflicts, toasts } = page(() =>
      Promise.reject(new ApiCallError({ kind: 'read-only', message: 'The folder cannot be written' })),
    );
    notes.edit('p1', 'On the train, and more', 'On the train.');
    await conflicts.keep('p1', 'At my desk.', 'Kept the note from desktop.');
    expect(paperById(store.get(), 'p1')?.note).toBe('On the train.');
    expect(store.get().noteConflicts.get('p1')).toEqual([FROM_DESKTOP]);
    expect(notes.draft('p1')).toBe('On the train, and more');
    expect(toasts).toEqual(['Couldn’t keep the note: The folder cannot be written.']);
  });
});

describe('the Devices dialog', () => {
  it('opens at once, and shows the devices once the library has listed them', async () => {
    const { store, conflicts, devices } = page((id, note) => Promise.resolve(paper(id, { note })));
    const showing = conflicts.showDevices();
    expect(store.get().dialog).toEqual({ kind: 'devices', devices: null });
    await showing;
    expect(store.get().dialog).toEqual({ kind: 'devices', devices });
  });
});
