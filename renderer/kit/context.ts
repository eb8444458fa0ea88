/** How components reach the controller and read the store. */

import { createContext, useContext, useSyncExternalStore } from 'react';
import type { Controller } from '../controller/controller.js';
import type { AppState } from '../state/types.js';

export const ControllerContext = createContext<Controller | null>(null);

export function useController(): Controller {
  const controller = useContext(ControllerContext);
  if (controller === null) throw new Error('useController needs a ControllerContext provider.');
  return controller;
}

/**
 * A slice of the state; the component re-renders only when the slice changes (by identity), so selectors
 * must return stored or memoised values, or primitives.
 */
export function useAppState<T>(selector: (state: AppState) => T): T {
  const controller = useController();
  return useSyncExternalStore(controller.store.subscribe, () => selector(controller.store.get()));
}
