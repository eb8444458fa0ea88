/**
 * Runs a compiled preload the way Electron runs a sandboxed one: its source wrapped in
 * `(function (require, process, Buffer, global, setImmediate, clearImmediate, exports, module) { … })`, in a
 * context of its own, with a `require` that knows only 'electron' (a stand-in recording what the preload does).
 */

import vm from 'node:vm';
import type { PreloadBridge } from '../core/ipc.js';

type Listener = (event: unknown, ...args: unknown[]) => void;

export interface SandboxedPreload {
  /** What `contextBridge.exposeInMainWorld` received, by key. */
  readonly exposed: ReadonlyMap<string, unknown>;
  readonly bridge: PreloadBridge;
  /** Each `ipcRenderer.invoke` call's arguments. */
  readonly invoked: readonly unknown[][];
  /** Delivers a main → renderer message as ipcRenderer would: `(event, ...args)`. */
  readonly emit: (channel: string, event: unknown, ...args: unknown[]) => void;
  readonly listenerCount: (channel: string) => number;
}

export function runSandboxedPreload(compiled: string): SandboxedPreload {
  const exposed = new Map<string, unknown>();
  const invoked: unknown[][] = [];
  const listeners = new Map<string, Listener[]>();
  const electron = {
    contextBridge: {
      exposeInMainWorld: (key: string, api: unknown) => {
        if (exposed.has(key)) throw new Error(`${key} is exposed twice`);
        exposed.set(key, api);
      },
    },
    ipcRenderer: {
      invoke: (...args: unknown[]) => {
        invoked.push(args);
        return Promise.resolve({ ok: true, value: 'answer' });
      },
      on: (channel: string, listener: Listener) => {
        listeners.set(channel, [...(listeners.get(channel) ?? []), listener]);
      },
      removeListener: (channel: string, listener: Listener) => {
        listeners.set(
          channel,
          (listeners.get(channel) ?? []).filter((registered) => registered !== listener),
        );
      },
    },
  };
  const sandboxRequire = (name: string): unknown => {
    if (name === 'electron') return electron;
    throw new Error(`A sandboxed preload cannot require '${name}'.`);
  };
  const wrapper = `(function (require, process, Buffer, global, setImmediate, clearImmediate, exports, module) {\n${compiled}\n})`;
  const run = vm.runInNewContext(wrapper, {}, { filename: 'preload.cjs' }) as (...args: unknown[]) => void;
  const exports = {};
  run(sandboxRequire, {}, undefined, {}, undefined, undefined, exports, { exports });

  const bridge = exposed.get('shelfmark');
  if (bridge === undefined) throw new Error('The preload exposed no window.shelfmark.');
  return {
    exposed,
    bridge: bridge as PreloadBridge,
    invoked,
    emit: (channel, event, ...args) => {
      for (const listener of listeners.get(channel) ?? []) listener(event, ...args);
    },
    listenerCount: (channel) => (listeners.get(channel) ?? []).length,
  };
}
