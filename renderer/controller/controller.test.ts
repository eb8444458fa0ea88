import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiCallError, type LibraryApi, type ReadingStateInput } from '../../core/api.js';
import { possibleDuplicates } from '../../core/duplicates.js';
import type { Paper, ReadingStatus } from '../../core/model.js';
import type { PaperMergeUndo } from '../../core/paper-merge.js';
import type { WorkerPort } from '../search/protocol.js';
import { withSnooze } from '../state/papers.js';
import { paperById } from '../state/state.js';
import { outlineColumns, paper } from '../../tests/builders.js';
import { Controller } from './controller.js';

const silentPort: WorkerPort = { postMessage: () => undefined, onMessage: () => undefined, terminate: () => undefined };

/** A library in memory, answering like the real one; `fail` makes the next calls fail. */
function fakeApi(initial: Paper[]) {
  let papers = initial;
  const calls: { method: string; args: unknown[] }[] = [];
  /** The offsets getPapers was called with. */
  const pages: number[] = [];
  let failure: ApiCallError | null = null;
  let gate: Promise<void> = Promise.resolve();
  const change = (ids: readonly string[], next: (paper: Paper) => Paper): Paper[] => {
    papers = papers.map((candidate) => (ids.includes(candidate.id) ? next(candidate) : candidate));
    return papers.filter((candidate) => ids.includes(candidate.id));
  };
  const answer = async <T>(method: string, args: unknown[], run: () => T): Promise<T> => {
    calls.push({ method, args });
    await gate;
    if (failure !== null) throw failure;
    return run();
  };
  const api: Partial<LibraryApi> = {
    getLibrary: () => answer('getLibrary', [], () => ({ papers, digests: [] })),
    getLibraryOutline: () =>
      answer('getLibraryOutline', [], () => ({ papers: outlineColumns(papers), digests: [], readOnly: null })),
    // The background load of whole records: never held or failed.
    getPapers: (offset: number, limit: number) => {
      pages.push(offset);
      return Promise.resolve(papers.slice(offset, offset + limit));
    },
    getPaper: (id: string) => {
      const found = papers.find((candidate) => candidate.id === id);
      return found === undefined ? Promise.reject(new Error('no paper')) : Promise.resolve(found);
    },
    setStatus: (ids: readonly string[], status: ReadingStatus) =>
      answer('setStatus', [ids, status], () =>
        change(ids, (p) => ({ ...p, status, readAt: status === 'read' ? 'server-time' : null })),
      ),
    snooze: (ids: readonly string[], until: string) =>
      answer('snooze', [ids, until], () =>
        change(ids, (p) => ({ ...p, status: 'unread', readAt: null, snoozedUntil: until })),
      ),
    addTags: (ids: readonly string[], tags: readonly string[]) =>
      answer('addTags', [ids, tags], () => change(ids, (p) => ({ ...p, tags: [...p.tags, ...tags] }))),
    restoreStates: (states: readonly ReadingStateInput[]) =>
      answer('restoreStates', [states], () =>
        states.flatMap((state) => change([state.id], (p) => ({ ...withSnooze(p, state.snoozedUntil), ...state }))),
      ),
    setNote: (id: string, note: string) =>
      answer('setNote', [id, note], () => {
        const [changed] = change([id], (p) => ({ ...p, note }));
        if (changed === undefined) throw new Error('no paper');
        return changed;
      }),
    listPossibleDuplicates: () => Promise.resolve(possibleDuplicates({ papers, digests: [] })),
    // The kept paper takes the other's note and tags; the undo is the two papers as they were.
    mergePapers: (keepId: string, mergeId: string) =>
      answer('mergePapers', [keepId, mergeId], () => {
        const kept = papers.find((candidate) => candidate.id === keepId);
        const merged = papers.find((candidate) => candidate.id === mergeId);
        if (kept === undefined || merged === undefined) throw new Error('no paper');
        const paper = { ...kept, note: `${kept.note}\n${merged.note}`, tags: [...kept.tags, ...merged.tags] };
        papers = papers.flatMap((candidate) =>
          candidate.id === keepId ? [paper] : candidate.id === mergeId ? [] : [candidate],
        );
        const undo: PaperMergeUndo = {
          kept: { record: kept, state: null },
          merged: { record: merged, state: null },
          position: 0,
          digests: [],
        };
        return { paper, undo };
      }),
    unmergePapers: (undo: PaperMergeUndo) =>
      answer('unmergePapers', [undo], () => {
        const kept = undo.kept.record as Paper;
        const merged = undo.merged.record as Paper;
        papers = [...papers.map((candidate) => (candidate.id === kept.id ? kept : candidate)), merged];
        return [kept, merged];
      }),
  };
  return {
    api: api as LibraryApi,
    calls,
    pages,
    /** The library changes behind the page's back (an import). */
    replace(next: Paper[]) {
      papers = next;
    },
    fail(message: string | null) {
      failure = message === null ? null : new ApiCallError({ kind: 'library-file', message });
    },
    hold(): () => void {
      let release: () => void = () => undefined;
      gate = new Promise((resolve) => (release = resolve));
      return () => {
        gate = Promise.resolve();
        release();
      };
    },
  };
}

async function ready(papers: Paper[]) {
  const fake = fakeApi(papers);
  const controller = new Controller(fake.api, silentPort);
  await controller.load();
  return { controller, fake, status: (id: string) => paperById(controller.state, id)?.status };
}

describe('Controller', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('decides with one key on the cursor’s paper, moves on to the next, and undoes the decision', async () => {
    const { controller, fake, status } = await ready([paper('a'), paper('b'), paper('c')]);
    controller.setFilter({ kind: 'status', status: 'unread' });
    expect(controller.state.selection.cursor).toBe('a');
    controller.decide('dismissed');
    expect(status('a')).toBe('dismissed');
    expect(controller.state.selection.cursor).toBe('b');
    controller.decide({ snoozeUntil: '2099-01-01' });
    expect(controller.state.selection.cursor).toBe('c');
    controller.decide('read');
    await vi.runAllTimersAsync();
    expect(fake.calls.map((call) => call.method).slice(-3)).toEqual(['setStatus', 'snooze', 'setStatus']);
    expect(paperById(controller.state, 'b')?.snoozedUntil).toBe('2099-01-01');
    expect(controller.state.counts.status).toEqual({ unread: 0, reading: 0, read: 1, snoozed: 1, dismissed: 1 });

    await controller.undo(); // the read
    await controller.undo(); // the snooze
    expect(paperById(controller.state, 'b')?.snoozedUntil).toBeUndefined();
    await controller.undo(); // the dismissal
    expect([status('a'), status('b'), status('c')]).toEqual(['unread', 'unread', 'unread']);
    expect(controller.state.counts.status.unread).toBe(3);
  });

  it('opens the snooze chooser for the selection', async () => {
    const { controller } = await ready([paper('a'), paper('b')]);
    controller.selectAll();
    controller.openSnooze();
    expect(controller.state.dialog).toEqual({ kind: 'snooze', ids: ['a', 'b'] });
  });

  it('shows a status change at once, then takes the library’s answer', async () => {
    const { controller, status } = await ready([paper('a'), paper('b')]);
    const done = controller.setStatus(['a'], 'read');
    expect(status('a')).toBe('read');
    expect(controller.state.counts.status).toEqual({ unread: 1, reading: 0, read: 1, snoozed: 0, dismissed: 0 });
    await done;
    expect(paperById(controller.state, 'a')?.readAt).toBe('server-time');
  });

  it('rolls back and says so when the library refuses', async () => {
    const { controller, fake, status } = await ready([paper('a')]);
    fake.fail('The library file is read-only');
    const done = controller.setStatus(['a'], 'reading');
    expect(status('a')).toBe('reading');
    await done;
    expect(status('a')).toBe('unread');
    expect(controller.state.toasts.at(-1)).toMatchObject({ tone: 'error' });
    expect(controller.state.toasts.at(-1)?.message).toMatch(
      /Couldn't mark paper as reading: The library file is read-only/,
    );
    expect(controller.state.canUndo).toBe(false);
  });

  it('does not let an older answer undo a newer change', async () => {
    const { controller, fake, status } = await ready([paper('a')]);
    const release = fake.hold();
    const first = controller.setStatus(['a'], 'reading');
    const second = controller.setStatus(['a'], 'read');
    expect(status('a')).toBe('read');
    release();
    await Promise.all([first, second]);
    expect(status('a')).toBe('read');
  });

  it('follows a change made elsewhere, keeping the view, the cursor and a change still on its way', async () => {
    const { controller, fake, status } = await ready([paper('a'), paper('b'), paper('c')]);
    controller.setFilter({ kind: 'status', status: 'unread' });
    expect(controller.state.selection.cursor).toBe('a');
    const seen: (string | undefined)[] = [];
    controller.store.subscribe(() => seen.push(status('b')));
    // Another process marks c read and adds d; the page asks for the outline, then marks b read meanwhile.
    fake.replace([paper('a'), paper('b'), { ...paper('c'), status: 'read' }, paper('d')]);
    const release = fake.hold();
    controller.handleEvent({ type: 'library-changed' });
    const marking = controller.setStatus(['b'], 'read');
    release();
    await marking;
    await vi.advanceTimersByTimeAsync(0);
    expect(controller.state.papers.map((p) => p.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(status('c')).toBe('read');
    // The outline was read before b's change landed: b never showed unread again.
    expect(seen.slice(seen.indexOf('read'))).not.toContain('unread');
    expect(status('b')).toBe('read');
    expect(controller.state.filter).toEqual({ kind: 'status', status: 'unread' });
    expect(controller.state.selection.cursor).toBe('a');
  });

  it('cycles the status with r, and undoes only what the change touched', async () => {
    const { controller, fake, status } = await ready([paper('a', { note: 'kept' })]);
    controller.cycleStatus();
    await vi.advanceTimersByTimeAsync(0);
    expect(status('a')).toBe('reading');
    controller.cycleStatus();
    await vi.advanceTimersByTimeAsync(0);
    expect(status('a')).toBe('read');
    await controller.undo();
    expect(status('a')).toBe('reading');
    const restore = fake.calls.find((call) => call.method === 'restoreStates');
    expect(restore?.args[0]).toEqual([{ id: 'a', status: 'reading', readAt: null, tags: [], note: 'kept' }]);
    await controller.undo();
    expect(status('a')).toBe('unread');
    expect(controller.state.canUndo).toBe(false);
  });

  it('after an import, fetches the whole records of only the papers it added or changed', async () => {
    const many = Array.from({ length: 2_500 }, (_, n) => paper(`p${n}`, { abstract: `Paper ${n}.\nMore.` }));
    const { controller, fake } = await ready(many);
    await vi.advanceTimersByTimeAsync(0);
    expect(fake.pages).toEqual([0, 1_000, 2_000]);
    expect(controller.state.partial.size).toBe(0);

    const merged = paper('p10', { abstract: 'Paper 10, merged.\nMore.', digests: ['d1', 'd2'] });
    const added = paper('new', { abstract: 'A new paper.\nMore.' });
    fake.replace([...many.slice(0, 10), merged, ...many.slice(11), added]);
    fake.pages.length = 0;
    const summary = {
      digest: { id: 'd2', title: 'New' },
      added: [added],
      merged: [merged],
      mergedInFile: [],
      skipped: [],
    };
    await controller.imported({
      files: [{ file: 'd2.bib', ok: true, kind: 'digest', summary, warnings: [], notes: [] }],
      added: 1,
      merged: 1,
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(fake.pages).toEqual([0, 2_000]);
    expect(controller.state.partial.size).toBe(0);
    expect(paperById(controller.state, 'p10')?.abstract).toBe('Paper 10, merged.\nMore.');
    expect(paperById(controller.state, 'new')?.abstract).toBe('A new paper.\nMore.');
    expect(paperById(controller.state, 'p1500')?.abstract).toBe('Paper 1500.\nMore.');
  });

  it('refuses a tag the library would refuse, without calling it', async () => {
    const { controller, fake } = await ready([paper('a')]);
    await controller.addTag(['a'], 'a,b');
    expect(fake.calls.some((call) => call.method === 'addTags')).toBe(false);
    expect(controller.state.toasts.at(-1)?.message).toMatch(/comma/);
  });

  it('autosaves a note and puts the saved paper in the store', async () => {
    const { controller, fake } = await ready([paper('a')]);
    controller.notes.edit('a', 'A note', '');
    await vi.advanceTimersByTimeAsync(500);
    expect(fake.calls.filter((call) => call.method === 'setNote')).toHaveLength(1);
    expect(paperById(controller.state, 'a')?.note).toBe('A note');
    expect(controller.notes.status('a').kind).toBe('saved');
  });

  it('moves through the list and selects ranges', async () => {
    const { controller } = await ready([paper('a'), paper('b'), paper('c')]);
    expect(controller.state.selection.cursor).toBe('a');
    controller.move(1);
    controller.move(1, true);
    expect([...controller.state.selection.ids]).toEqual(['b', 'c']);
    controller.escape();
    expect([...controller.state.selection.ids]).toEqual(['c']);
  });

  it('in one column opens a paper over the list and goes back to it; Esc closes the drawer first', async () => {
    const { controller } = await ready([paper('a'), paper('b')]);
    const focused: string[] = [];
    for (const target of ['list', 'paper', 'sidebar', 'menu', 'search'] as const) {
      controller.onFocusRequest(target, () => focused.push(target));
    }
    const layout = () => controller.state.layout;

    controller.setColumns(1);
    controller.click('b', { shift: false, toggle: false });
    expect(layout()).toEqual({ columns: 1, paperOpen: true, drawerOpen: false });
    await vi.advanceTimersByTimeAsync(0);
    expect(focused.at(-1)).toBe('paper');

    controller.toggleDrawer();
    await vi.advanceTimersByTimeAsync(0);
    expect(layout().drawerOpen).toBe(true);
    expect(focused.at(-1)).toBe('sidebar');
    controller.escape();
    await vi.advanceTimersByTimeAsync(0);
    expect(layout()).toEqual({ columns: 1, paperOpen: true, drawerOpen: false });
    expect(focused.at(-1)).toBe('menu');

    controller.escape();
    await vi.advanceTimersByTimeAsync(0);
    expect(layout().paperOpen).toBe(false);
    expect(focused.at(-1)).toBe('list');
    expect(controller.state.selection.cursor).toBe('b');

    // A filter chosen in the drawer shows its list; Ctrl/Cmd-click selects without opening.
    controller.toggleDrawer();
    controller.setFilter({ kind: 'status', status: 'unread' });
    expect(layout().drawerOpen).toBe(false);
    controller.click('a', { shift: false, toggle: true });
    expect(layout().paperOpen).toBe(false);

    // A wider window closes what it no longer needs; with three columns nothing opens over the list.
    controller.focus('tag');
    expect(layout().paperOpen).toBe(true);
    controller.setColumns(3);
    expect(layout()).toEqual({ columns: 3, paperOpen: false, drawerOpen: false });
    controller.click('a', { shift: false, toggle: false });
    controller.toggleDrawer();
    expect(layout()).toEqual({ columns: 3, paperOpen: false, drawerOpen: false });
    controller.setQuery('graphs');
    controller.escape();
    expect(controller.state.query).toBe('');
  });

  it('merges possible duplicates into one, and takes them apart again by undo or by the toast', async () => {
    const book = paper('book', { title: 'Working memory', year: 1986, note: 'The book.' });
    const chapter = paper('chapter', { title: 'Working Memory', year: 1974, tags: ['chapter'] });
    const { controller, fake } = await ready([book, chapter, paper('other')]);
    await vi.advanceTimersByTimeAsync(0);
    expect(controller.state.duplicates.map((group) => group.papers.map((candidate) => candidate.id))).toEqual([
      ['book', 'chapter'],
    ]);
    const focused: string[] = [];
    for (const target of ['duplicates', 'list'] as const) {
      controller.onFocusRequest(target, () => focused.push(target));
    }
    controller.showDuplicates();
    await vi.advanceTimersByTimeAsync(0);
    expect(controller.state.view).toBe('duplicates');
    expect(focused).toEqual(['duplicates']);

    expect(await controller.mergeDuplicates('book', ['chapter'], 'Working memory')).toBe(true);
    expect(paperById(controller.state, 'chapter')).toBeUndefined();
    expect(paperById(controller.state, 'book')?.tags).toEqual(['chapter']);
    expect(controller.state.counts.status.unread).toBe(2);
    expect(controller.state.duplicates).toEqual([]);
    const toast = controller.state.toasts.at(-1);
    expect(toast?.message).toBe('Merged 2 papers titled “Working memory” into one.');
    expect(toast?.action?.label).toBe('Undo');

    // Ctrl/Cmd+Z takes it apart; the group is a possible duplicate again.
    await controller.undo();
    await vi.advanceTimersByTimeAsync(0);
    expect(paperById(controller.state, 'chapter')?.tags).toEqual(['chapter']);
    expect(paperById(controller.state, 'book')?.tags).toEqual([]);
    expect(controller.state.duplicates).toHaveLength(1);
    expect(controller.state.toasts.at(-1)?.message).toBe('Undone: Merged 2 papers titled “Working memory” into one.');
    expect(controller.state.canUndo).toBe(false);
    // Its toast went with it: an Undo left on screen would undo nothing.
    expect(controller.state.toasts.some((candidate) => candidate.action !== undefined)).toBe(false);

    // So does the toast's Undo, once.
    await controller.mergeDuplicates('chapter', ['book'], 'Working memory');
    controller.state.toasts.at(-1)?.action?.run();
    await vi.advanceTimersByTimeAsync(0);
    expect(paperById(controller.state, 'book')?.note).toBe('The book.');
    expect(fake.calls.filter((call) => call.method === 'unmergePapers')).toHaveLength(2);
    controller.state.toasts.findLast((candidate) => candidate.action !== undefined)?.action?.run();
    await vi.advanceTimersByTimeAsync(0);
    expect(fake.calls.filter((call) => call.method === 'unmergePapers')).toHaveLength(2);

    // A refused merge changes nothing and says so.
    fake.fail('The library file is read-only');
    expect(await controller.mergeDuplicates('book', ['chapter'], 'Working memory')).toBe(false);
    expect(controller.state.toasts.at(-1)?.message).toBe(
      "Couldn't merge the papers titled “Working memory”: The library file is read-only. Nothing was changed.",
    );
    expect(controller.state.canUndo).toBe(false);
    fake.fail(null);

    // Esc, or a filter, brings the list back.
    controller.escape();
    await vi.advanceTimersByTimeAsync(0);
    expect(controller.state.view).toBe('papers');
    expect(focused.at(-1)).toBe('list');
    controller.showDuplicates();
    controller.setFilter({ kind: 'all' });
    expect(controller.state.view).toBe('papers');
  });

  it('says what a folder export replaced and which of the user’s files it left', async () => {
    const { controller, fake } = await ready([paper('a')]);
    fake.api.exportLibrary = () =>
      Promise.resolve({
        kind: 'saved',
        path: '/home/ada/vault',
        papers: 2,
        folder: { written: 2, replaced: ['A.md'], kept: [{ name: 'B.md', instead: 'B (2).md' }], left: [] },
      });
    expect(await controller.exportLibrary({ format: 'md', layout: 'folder', selection: {}, abstracts: false })).toBe(
      null,
    );
    expect(controller.state.toasts.at(-1)?.message).toBe(
      'Exported 2 papers to /home/ada/vault. Replaced 1 file from an earlier export: A.md. Left 1 file of yours as it was: B.md (wrote B (2).md instead).',
    );
  });
});
