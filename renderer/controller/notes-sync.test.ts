import { describe, expect, it } from 'vitest';
import type { NotesSyncRequest, NotesSyncSetup } from '../../core/api.js';
import type { NotesSyncReport } from '../../core/notes-sync/report.js';
import { NotesSync } from './notes-sync.js';

const EMPTY_REPORT: NotesSyncReport = {
  folder: '/home/u/Vault',
  dryRun: false,
  written: [],
  updated: [],
  takenIn: [],
  conflicts: [],
  skipped: [],
  moved: [],
  untouched: 0,
};

/** Timers that run when told to. */
function manualTimers() {
  let next: (() => void) | null = null;
  return {
    setTimeout: (run: () => void) => {
      next = run;
      return run;
    },
    clearTimeout: (handle: unknown) => {
      if (handle === next) next = null;
    },
    fire() {
      const run = next;
      next = null;
      run?.();
    },
    get pending() {
      return next !== null;
    },
  };
}

function rig(setup: NotesSyncSetup, report: NotesSyncReport = EMPTY_REPORT) {
  const requests: NotesSyncRequest[] = [];
  const shown: NotesSyncReport[] = [];
  const toasts: string[] = [];
  const reloaded: string[][] = [];
  const timers = manualTimers();
  const sync = new NotesSync(
    {
      notesSyncSettings: () => Promise.resolve(setup),
      setNotesSyncSettings: (settings) => Promise.resolve({ ...setup, ...settings }),
      chooseNotesFolder: () => Promise.resolve(null),
      syncNotes: (request) => {
        requests.push(request);
        return Promise.resolve(report);
      },
    },
    {
      reload: (changed) => {
        reloaded.push([...changed]);
        return Promise.resolve();
      },
      showReport: (shownReport) => shown.push(shownReport),
      toast: (message) => toasts.push(message),
      saveNotes: () => Promise.resolve(),
      editing: () => ['being-typed'],
    },
    timers,
  );
  return { sync, requests, shown, toasts, reloaded, timers };
}

const settle = () => new Promise((done) => setTimeout(done, 0));

describe('NotesSync', () => {
  it('syncs when asked with the folder remembered, passing the note being typed, and shows the report', async () => {
    const { sync, requests, shown } = rig({ folder: '/home/u/Vault', onChange: false, canChooseFolder: true });
    await sync.start();
    expect(await sync.sync('asked')).toBeNull();
    expect(requests).toEqual([{ folder: '/home/u/Vault', editing: ['being-typed'] }]);
    expect(shown).toEqual([EMPTY_REPORT]);
  });

  it('says a folder must be chosen first', async () => {
    const { sync, requests } = rig({ folder: null, onChange: false, canChooseFolder: false });
    await sync.start();
    expect(await sync.sync('asked')).toBe('Choose a folder to sync notes with first.');
    expect(requests).toEqual([]);
  });

  it('on every change, syncs once changes stop, reloads what it took in, and tells only news', async () => {
    const report = {
      ...EMPTY_REPORT,
      takenIn: [{ paper: 'p1', title: 'P', file: 'P.md', parts: ['note' as const] }],
      conflicts: [{ paper: 'p2', title: 'Q', file: 'Q.md', copy: 'Q.shelfmark-conflict.md' }],
    };
    const { sync, requests, toasts, reloaded, shown, timers } = rig(
      { folder: '/home/u/Vault', onChange: true, canChooseFolder: false },
      report,
    );
    await sync.start();
    sync.changed();
    sync.changed();
    timers.fire();
    await settle();
    expect(requests).toHaveLength(1);
    expect(reloaded).toEqual([['p1']]);
    expect(shown).toEqual([]);
    expect(toasts).toEqual(['Notes sync: took in 1 edited file, 1 conflict.']);
  });

  it('does not sync on change unless asked to', async () => {
    const { sync, timers } = rig({ folder: '/home/u/Vault', onChange: false, canChooseFolder: false });
    await sync.start();
    sync.changed();
    expect(timers.pending).toBe(false);
  });
});
