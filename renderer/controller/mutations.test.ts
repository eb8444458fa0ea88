import { describe, expect, it } from 'vitest';
import { ApiCallError, type ReadingStateInput } from '../../core/api.js';
import type { Paper, ReadingStatus } from '../../core/model.js';
import { paper } from '../../tests/builders.js';
import { INITIAL_STATE, loaded, paperById } from '../state/state.js';
import { createStore } from '../state/store.js';
import { Mutations, type MutationsApi } from './mutations.js';

interface HeldCall {
  readonly method: string;
  readonly args: readonly unknown[];
  /** The library does what was asked and answers. */
  readonly answer: () => Promise<void>;
  /** The library refuses, with this message. */
  readonly refuse: (message: string) => Promise<void>;
}

/** Lets the promise callbacks waiting on an answer run. */
const settled = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** A library in memory whose every call waits until the test answers or refuses it, in any order. */
function heldLibrary(initial: readonly Paper[]) {
  let papers = initial;
  const calls: HeldCall[] = [];
  const change = (ids: readonly string[], next: (paper: Paper) => Paper): Paper[] => {
    papers = papers.map((candidate) => (ids.includes(candidate.id) ? next(candidate) : candidate));
    return papers.filter((candidate) => ids.includes(candidate.id));
  };
  const held = (method: string, args: readonly unknown[], run: () => readonly Paper[]) =>
    new Promise<readonly Paper[]>((resolve, reject) => {
      calls.push({
        method,
        args,
        answer: () => {
          resolve(run());
          return settled();
        },
        refuse: (message) => {
          reject(new ApiCallError({ kind: 'library-file', message }));
          return settled();
        },
      });
    });
  const api: MutationsApi = {
    setStatus: (ids, status: ReadingStatus) =>
      held('setStatus', [ids, status], () =>
        change(ids, (p) => ({ ...p, status, readAt: status === 'read' ? 'server-time' : null })),
      ),
    snooze: (ids, until) =>
      held('snooze', [ids, until], () =>
        change(ids, (p) => ({ ...p, status: 'unread', readAt: null, snoozedUntil: until })),
      ),
    addTags: (ids, tags) =>
      held('addTags', [ids, tags], () => change(ids, (p) => ({ ...p, tags: [...p.tags, ...tags] }))),
    removeTags: (ids, tags) =>
      held('removeTags', [ids, tags], () =>
        change(ids, (p) => ({ ...p, tags: p.tags.filter((t) => !tags.includes(t)) })),
      ),
    renameTag: (from, to) =>
      held('renameTag', [from, to], () =>
        change(
          papers.filter((p) => p.tags.includes(from)).map((p) => p.id),
          (p) => ({ ...p, tags: p.tags.map((t) => (t === from ? to : t)) }),
        ),
      ),
    restoreStates: (states: readonly ReadingStateInput[]) =>
      held('restoreStates', [states], () => states.flatMap((state) => change([state.id], (p) => ({ ...p, ...state })))),
  };
  return { api, calls };
}

function setUp(papers: readonly Paper[]) {
  const library = heldLibrary(papers);
  const store = createStore(loaded(INITIAL_STATE, papers, []));
  const toasts: { message: string; tone: string }[] = [];
  const mutations = new Mutations(store, library.api, (message, tone) => toasts.push({ message, tone }));
  const shown = (id: string) => paperById(store.get(), id);
  const call = (position: number): HeldCall => {
    const found = library.calls[position];
    if (found === undefined) throw new Error(`no call #${position}`);
    return found;
  };
  return { mutations, store, toasts, shown, call, calls: library.calls };
}

describe('Mutations', () => {
  it('shows a change at once, then takes the library’s answer', async () => {
    const { mutations, store, shown, call } = setUp([paper('a'), paper('b')]);
    const done = mutations.setStatus(['a'], 'read');
    expect(shown('a')?.status).toBe('read');
    expect(store.get().counts.status).toEqual({ unread: 1, reading: 0, read: 1, snoozed: 0, dismissed: 0 });
    expect(store.get().canUndo).toBe(true);
    await call(0).answer();
    await done;
    expect(shown('a')?.readAt).toBe('server-time');
  });

  it('rolls back a change the library refuses, and says why', async () => {
    const { mutations, store, toasts, shown, call } = setUp([paper('a', { tags: ['ml'] })]);
    const done = mutations.addTag(['a'], 'vision');
    expect(shown('a')?.tags).toEqual(['ml', 'vision']);
    await call(0).refuse('The library file is read-only');
    await done;
    expect(shown('a')?.tags).toEqual(['ml']);
    expect(store.get().counts.tags.map((count) => count.tag)).toEqual(['ml']);
    expect(toasts).toEqual([
      { message: "Couldn't add the tag “vision”: The library file is read-only. Nothing was changed.", tone: 'error' },
    ]);
    expect(store.get().canUndo).toBe(false);
  });

  it('undoes a change: puts back only the fields it changed, and says what it undid', async () => {
    const { mutations, store, toasts, shown, call } = setUp([paper('a', { note: 'kept' })]);
    const tagged = mutations.addTag(['a'], 'ml');
    await call(0).answer();
    await tagged;
    const marked = mutations.setStatus(['a'], 'read');
    await call(1).answer();
    await marked;

    const undone = mutations.undo();
    expect(shown('a')).toMatchObject({ status: 'unread', tags: ['ml'] });
    expect(call(2).method).toBe('restoreStates');
    expect(call(2).args[0]).toEqual([{ id: 'a', status: 'unread', readAt: null, tags: ['ml'], note: 'kept' }]);
    await call(2).answer();
    await undone;
    expect(toasts.at(-1)).toEqual({ message: 'Undone: Marked paper as read.', tone: 'info' });
    expect(store.get().canUndo).toBe(true);

    const undoneTag = mutations.undo();
    expect(shown('a')).toMatchObject({ status: 'unread', tags: [] });
    await call(3).answer();
    await undoneTag;
    expect(store.get().canUndo).toBe(false);
  });

  it('has nothing to undo after a change that failed, and says so', async () => {
    const { mutations, toasts, shown, call, calls } = setUp([paper('a')]);
    const done = mutations.setStatus(['a'], 'reading');
    await call(0).refuse('The disk is full');
    await done;
    await mutations.undo();
    expect(calls).toHaveLength(1);
    expect(shown('a')?.status).toBe('unread');
    expect(toasts.at(-1)).toEqual({ message: 'Nothing to undo.', tone: 'info' });
  });

  it('undoes the change before a failed one, not the failed one', async () => {
    const { mutations, shown, call } = setUp([paper('a')]);
    const first = mutations.setStatus(['a'], 'reading');
    await call(0).answer();
    await first;
    const second = mutations.addTag(['a'], 'ml');
    await call(1).refuse('The disk is full');
    await second;

    const undone = mutations.undo();
    expect(call(2).args[0]).toEqual([{ id: 'a', status: 'unread', readAt: null, tags: [], note: '' }]);
    await call(2).answer();
    await undone;
    expect(shown('a')).toMatchObject({ status: 'unread', tags: [] });
  });

  it('keeps a change undoable when its undo fails, and shows the change again', async () => {
    const { mutations, store, toasts, shown, call } = setUp([paper('a')]);
    const done = mutations.setStatus(['a'], 'read');
    await call(0).answer();
    await done;
    const undone = mutations.undo();
    expect(shown('a')?.status).toBe('unread');
    expect(store.get().canUndo).toBe(false);
    await call(1).refuse('The library file is locked.');
    await undone;
    expect(shown('a')?.status).toBe('read');
    expect(store.get().canUndo).toBe(true);
    expect(toasts.at(-1)).toEqual({
      message: "Couldn't undo “Marked paper as read”: The library file is locked.",
      tone: 'error',
    });
  });

  it('announces each change for a screen reader: what changed, on which paper', () => {
    const { mutations, store } = setUp([
      paper('a', { title: 'Attention Is All You Need', tags: ['ml'] }),
      paper('b', { title: 'Deep Residual Learning' }),
    ]);
    const heard = (): string | undefined => store.get().announcement?.text;
    void mutations.setStatus(['a'], 'read');
    expect(heard()).toBe('Marked read: Attention Is All You Need');
    void mutations.addTag(['a'], 'graphs');
    expect(heard()).toBe('Tagged Attention Is All You Need with graphs');
    void mutations.setStatus(['a', 'b'], 'reading');
    expect(heard()).toBe('Marked reading: 2 papers');
    void mutations.removeTag(['a'], 'graphs');
    expect(heard()).toBe('Removed the tag graphs from Attention Is All You Need');
    void mutations.renameTag('ml', 'learning');
    expect(heard()).toBe('Renamed “ml” to “learning”');

    // The same words again are a new announcement, so that they are heard again.
    const before = store.get().announcement?.id;
    void mutations.setStatus(['b'], 'read');
    void mutations.setStatus(['b'], 'unread');
    void mutations.setStatus(['b'], 'read');
    expect(heard()).toBe('Marked read: Deep Residual Learning');
    expect(store.get().announcement?.id).not.toBe(before);
  });

  it('lets neither the answer nor the failure of an older change overturn a newer one', async () => {
    const { mutations, toasts, shown, call } = setUp([paper('a'), paper('b')]);
    const older = mutations.setStatus(['a', 'b'], 'reading');
    const newer = mutations.setStatus(['a'], 'read');
    expect(shown('a')?.status).toBe('read');
    expect(shown('b')?.status).toBe('reading');

    await call(0).refuse('The library file is locked');
    await older;
    // The older change rolls back only where it is still the latest: b, not a.
    expect(shown('a')?.status).toBe('read');
    expect(shown('b')?.status).toBe('unread');
    expect(toasts.at(-1)?.message).toMatch(/^Couldn't mark 2 papers as reading: The library file is locked\./);

    await call(1).answer();
    await newer;
    expect(shown('a')).toMatchObject({ status: 'read', readAt: 'server-time' });
  });

  it('keeps showing the newer of two changes while the older one’s answer comes in', async () => {
    const { mutations, shown, call } = setUp([paper('a')]);
    const first = mutations.addTag(['a'], 'ml');
    const second = mutations.addTag(['a'], 'vision');
    expect(shown('a')?.tags).toEqual(['ml', 'vision']);
    await call(0).answer();
    await first;
    expect(shown('a')?.tags).toEqual(['ml', 'vision']);
    await call(1).answer();
    await second;
    expect(shown('a')?.tags).toEqual(['ml', 'vision']);
  });
});
