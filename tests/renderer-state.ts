/** The renderer's state for tests: a paper decided on in the view shown. */

import type { Paper } from '../core/model.js';
import { replacePapers } from '../renderer/state/state.js';
import type { AppState } from '../renderer/state/types.js';

/** Paper `id` changed by `change` in the view shown, as a key press changes it: it stays in the view. */
export function changed(state: AppState, id: string, change: (p: Paper) => Paper): AppState {
  const found = state.papers.find((candidate) => candidate.id === id);
  if (found === undefined) throw new Error(`no paper ${id}`);
  return replacePapers(state, [change(found)], true);
}
