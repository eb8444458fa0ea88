/** What crosses between the Electron main process and the renderer, besides API calls. */

import type { ImportReport } from './api.js';

/** The one channel API calls travel on: `invoke(API_CHANNEL, method, args)`. */
export const API_CHANNEL = 'shelfmark:api';
/** Main → renderer notifications (AppEvent); browser mode's server sends the same on `GET /api/events`. */
export const EVENT_CHANNEL = 'shelfmark:event';

/** Menu items the renderer carries out itself. */
export type MenuCommand =
  | 'find'
  | 'export'
  | 'shortcuts'
  | 'undo'
  | 'select-all'
  | 'duplicates'
  /** File → Add Papers…: the field for arXiv ids and links. */
  | 'add-papers'
  /** File → Fetch Hugging Face Daily Papers…: the dialog with its day. */
  | 'fetch-daily-papers'
  /** File → Sync Notes with Folder…: the sync's dialog. */
  | 'sync-notes'
  /** File → Sync Notes Now: a sync with the folder remembered (the dialog, when there is none yet). */
  | 'sync-notes-now'
  /** File → Devices…: the computers that wrote to the library (a synced folder), and when. */
  | 'devices';

export type AppEvent =
  | { readonly type: 'menu'; readonly command: MenuCommand }
  /** The main process imported files (File → Import Digest…): the renderer reloads and shows the report. */
  | { readonly type: 'imported'; readonly report: ImportReport }
  /** Edit → Paste Digest: the clipboard's text, which the main process read; the renderer previews it as a digest. */
  | { readonly type: 'paste-digest'; readonly text: string }
  /**
   * Another process changed the library (the command line; a sync tool bringing another computer's changes): the
   * renderer reloads it, keeping what the user is doing. Browser mode sends it too, on its event stream.
   */
  | { readonly type: 'library-changed' };

/** What the preload exposes as `window.shelfmark`: a narrow pipe, typed on both ends by `LibraryApi`. */
export interface PreloadBridge {
  invoke(method: string, args: readonly unknown[]): Promise<unknown>;
  /** Returns a function that unsubscribes. */
  onEvent(listener: (event: AppEvent) => void): () => void;
}
