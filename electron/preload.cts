/**
 * The preload: exposes `window.shelfmark` (a PreloadBridge) to the renderer and nothing else.
 *
 * It runs sandboxed, where `require` knows only 'electron' (and a few Node built-ins): so this file compiles to one
 * CommonJS file with no local imports at run time. The channel names are therefore written out here;
 * electron/preload.test.ts checks that they equal API_CHANNEL and EVENT_CHANNEL in core/ipc.ts.
 */

// The CommonJS form TypeScript keeps as require() under verbatimModuleSyntax; the sandbox has nothing else.
// eslint-disable-next-line @typescript-eslint/no-require-imports
import electron = require('electron');
import type { AppEvent, PreloadBridge } from '../core/ipc.js';

const API_CHANNEL = 'shelfmark:api';
const EVENT_CHANNEL = 'shelfmark:event';

const { contextBridge, ipcRenderer } = electron;

const bridge: PreloadBridge = {
  invoke(method: string, args: readonly unknown[]): Promise<unknown> {
    return ipcRenderer.invoke(API_CHANNEL, method, args) as Promise<unknown>;
  },
  onEvent(listener: (event: AppEvent) => void): () => void {
    // The IpcRendererEvent stays here: it carries `sender`, which must never reach the page.
    const forward = (_event: Electron.IpcRendererEvent, payload: AppEvent): void => {
      listener(payload);
    };
    ipcRenderer.on(EVENT_CHANNEL, forward);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, forward);
    };
  },
};

contextBridge.exposeInMainWorld('shelfmark', bridge);
