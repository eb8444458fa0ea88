import { emptyStateMap, type ReadingState, type ReadingStateMap } from './model.js';

export interface StatesView {
  readonly view: ReadingStateMap;
  /** After this, any use of `view` throws: it must not be seen to change when the map under it does. */
  readonly revoke: () => void;
}

/**
 * A read-only ReadingStateMap over `states`, made in O(1): `states[id]`, `id in states`, Object.entries(states)
 * and JSON.stringify(states) behave as on a plain object. It reads through to the Map: over a Map that changes,
 * revoke it before the Map next changes; over one that never changes, it stays valid.
 */
export function statesView(states: ReadonlyMap<string, ReadingState>): StatesView {
  const own = (key: string | symbol): ReadingState | undefined =>
    typeof key === 'string' ? states.get(key) : undefined;
  const { proxy, revoke } = Proxy.revocable<Record<string, ReadingState>>(emptyStateMap(), {
    get: (target, key, receiver): unknown => own(key) ?? (Reflect.get(target, key, receiver) as unknown),
    has: (target, key) => own(key) !== undefined || Reflect.has(target, key),
    ownKeys: () => [...states.keys()],
    getOwnPropertyDescriptor: (_target, key) => {
      const value = own(key);
      return value === undefined ? undefined : { value, writable: false, enumerable: true, configurable: true };
    },
    set: () => false,
    defineProperty: () => false,
    deleteProperty: () => false,
    setPrototypeOf: () => false,
    preventExtensions: () => false,
  });
  return { view: proxy, revoke };
}
