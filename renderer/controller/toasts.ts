/** Toasts: short messages that go by themselves, errors later than news. */

import { addToast, dismissToast } from '../state/state.js';
import type { Store } from '../state/store.js';
import type { AppState, Toast } from '../state/types.js';

export type Toaster = (message: string, tone: Toast['tone']) => void;

/** Shows a toast; returns its id, to dismiss it early. */
export function showToast(
  store: Store<AppState>,
  message: string,
  tone: Toast['tone'],
  action?: Toast['action'],
): number {
  let id = 0;
  store.update((state) => {
    const added = addToast(state, action === undefined ? { message, tone } : { message, tone, action });
    id = added.id;
    return added.state;
  });
  setTimeout(() => store.update((state) => dismissToast(state, id)), tone === 'error' ? 9000 : 4500);
  return id;
}
