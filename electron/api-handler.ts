/**
 * The one IPC handler: every API call passes the sender check, then `dispatchApiCall` (which validates the method
 * and arguments and never throws). Written against plain data, not Electron's objects, so it is tested on Node.
 */

import type { ApiResponse, LibraryApi } from '../core/api.js';
import { dispatchApiCall } from '../app/api-dispatch.js';
import { isRendererUrl } from './renderer-protocol.js';

/** What the handler needs to know about an `IpcMainInvokeEvent`. */
export interface ApiSender {
  /** `event.sender.id`. */
  readonly webContentsId: number;
  /** `event.senderFrame`: null once the frame has navigated away or been destroyed. */
  readonly frame: {
    readonly url: string;
    /** The frame is `event.sender.mainFrame`: not a subframe, not a prerendered or other inactive page. */
    readonly isMainFrame: boolean;
  } | null;
}

/**
 * A call is trusted only from the main window's top frame while it shows Shelfmark's own renderer: not from another
 * window or webContents, not from a subframe, not from a page that somehow navigated elsewhere.
 */
export function isTrustedSender(sender: ApiSender, mainWebContentsId: number | undefined): boolean {
  return (
    mainWebContentsId !== undefined &&
    sender.webContentsId === mainWebContentsId &&
    sender.frame !== null &&
    sender.frame.isMainFrame &&
    isRendererUrl(sender.frame.url)
  );
}

export const UNTRUSTED_SENDER_RESPONSE: ApiResponse = {
  ok: false,
  error: { kind: 'invalid-input', message: 'This page may not use the Shelfmark API.' },
};

export interface ApiHandlerOptions {
  /** The main window's `webContents.id`, undefined while there is no window. */
  readonly mainWebContentsId: () => number | undefined;
  /** The library (or a stand-in that fails every call with the reason it could not be opened). */
  readonly library: () => Promise<LibraryApi>;
  readonly dispatch?: (api: LibraryApi, method: unknown, args: unknown) => Promise<ApiResponse>;
  /** Told about rejected senders; nothing else is logged. */
  readonly onRejected?: (sender: ApiSender) => void;
}

export type ApiHandler = (sender: ApiSender, method: unknown, args: unknown) => Promise<ApiResponse>;

export function createApiHandler(options: ApiHandlerOptions): ApiHandler {
  const dispatch = options.dispatch ?? dispatchApiCall;
  return async (sender, method, args) => {
    try {
      if (!isTrustedSender(sender, options.mainWebContentsId())) {
        options.onRejected?.(sender);
        return UNTRUSTED_SENDER_RESPONSE;
      }
      return await dispatch(await options.library(), method, args);
    } catch (error) {
      // dispatchApiCall never throws; this covers the library promise or an injected dispatcher.
      const message = error instanceof Error ? error.message : String(error);
      return { ok: false, error: { kind: 'internal', message: `Something went wrong: ${message}` } };
    }
  };
}
