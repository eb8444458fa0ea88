/** The outline the page asks for before its app has loaded (main.tsx), handed to the app's first load. */

import type { LibraryApi, LibraryOutline } from '../../core/api.js';

/** `api`, whose first getLibraryOutline call takes `outline` instead of asking again. */
export function withOutlineAskedEarly(api: LibraryApi, outline: Promise<LibraryOutline>): LibraryApi {
  let early: Promise<LibraryOutline> | null = outline;
  return {
    ...api,
    getLibraryOutline: () => {
      const answer = early ?? api.getLibraryOutline();
      early = null;
      return answer;
    },
  };
}
