import { describe, expect, it } from 'vitest';
import { paper } from '../../tests/builders.js';
import { INITIAL_STATE, loaded } from '../state/state.js';
import { makeSortsAhead } from '../state/sort.js';
import { createStore } from '../state/store.js';
import { SortsAhead } from './sorts-ahead.js';

describe('the sorts made ahead', () => {
  it('are made while the page is idle, a slice at a time, after each load, until stopped', () => {
    const store = createStore(INITIAL_STATE);
    const idle: ((more: () => boolean) => void)[] = [];
    const ahead = new SortsAhead(store, (run) => idle.push(run));
    const load = (count: number): void => {
      store.update((state) =>
        loaded(
          state,
          Array.from({ length: count }, (_, n) => paper(`p${String(n)}`)),
          [],
        ),
      );
      ahead.changed();
    };

    load(3);
    ahead.changed(); // the same library: asked once
    expect(idle).toHaveLength(1);
    // Two slices an idle moment: more is left, and asked for again.
    let slices = 0;
    idle.shift()?.(() => slices++ % 3 < 2);
    expect(idle).toHaveLength(1);
    while (idle.length > 0) idle.shift()?.(() => true);
    expect(makeSortsAhead(store.get(), () => false)).toBe(false);

    load(4);
    expect(idle).toHaveLength(1);
    expect(makeSortsAhead(store.get(), () => false)).toBe(true);
    ahead.stop();
    idle.shift()?.(() => true);
    expect(makeSortsAhead(store.get(), () => false)).toBe(true);
  });
});
