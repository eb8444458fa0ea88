import { readFileSync } from 'node:fs';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { API_CHANNEL, EVENT_CHANNEL, type AppEvent, type PreloadBridge } from '../core/ipc.js';
import { runSandboxedPreload } from '../tests/packaging-preload-sandbox.js';

const source = readFileSync(new URL('./preload.cts', import.meta.url), 'utf8');

/** The preload as tsc compiles it (CommonJS), without needing a build. */
function compiledPreload(): string {
  return ts.transpileModule(source, {
    fileName: 'preload.cts',
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2023 },
  }).outputText;
}

describe('the preload’s channel names', () => {
  it('are the ones core/ipc.ts defines', () => {
    expect(/const API_CHANNEL = '([^']+)';/u.exec(source)?.[1]).toBe(API_CHANNEL);
    expect(/const EVENT_CHANNEL = '([^']+)';/u.exec(source)?.[1]).toBe(EVENT_CHANNEL);
  });

  it('has no local import that would run (only `import type`)', () => {
    const runtimeImports = ts.preProcessFile(compiledPreload(), true, true).importedFiles.map((file) => file.fileName);
    expect(runtimeImports).toEqual(['electron']);
  });
});

describe('window.shelfmark', () => {
  const load = () => runSandboxedPreload(compiledPreload());

  it('is the only thing exposed, with only invoke and onEvent', () => {
    const { exposed } = load();
    expect([...exposed.keys()]).toEqual(['shelfmark']);
    const bridge = exposed.get('shelfmark') as Record<string, unknown>;
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'onEvent']);
  });

  it('invokes the API channel with the method and arguments', async () => {
    const { bridge, invoked } = load();
    await expect(bridge.invoke('listPapers', [{ status: 'unread' }])).resolves.toEqual({ ok: true, value: 'answer' });
    expect(invoked).toEqual([[API_CHANNEL, 'listPapers', [{ status: 'unread' }]]]);
  });

  it('passes events on without the IpcRendererEvent, and unsubscribes', () => {
    const { bridge, emit, listenerCount } = load();
    const received: unknown[][] = [];
    const unsubscribe = bridge.onEvent((...args: unknown[]) => received.push(args));
    expect(listenerCount(EVENT_CHANNEL)).toBe(1);

    const event: AppEvent = { type: 'menu', command: 'find' };
    emit(EVENT_CHANNEL, { sender: 'the ipcRenderer — must not leak' }, event);
    expect(received).toEqual([[event]]);

    unsubscribe();
    expect(listenerCount(EVENT_CHANNEL)).toBe(0);
    emit(EVENT_CHANNEL, {}, event);
    expect(received).toHaveLength(1);
  });

  it('keeps separate subscriptions apart', () => {
    const { bridge, emit } = load();
    const first: AppEvent[] = [];
    const second: AppEvent[] = [];
    const stopFirst = bridge.onEvent((event) => first.push(event));
    bridge.onEvent((event) => second.push(event));
    stopFirst();
    emit(EVENT_CHANNEL, {}, { type: 'menu', command: 'export' });
    expect(first).toEqual([]);
    expect(second).toEqual([{ type: 'menu', command: 'export' }]);
  });

  it('is typed as a PreloadBridge', () => {
    const bridge: PreloadBridge = load().bridge;
    expect(typeof bridge.invoke).toBe('function');
  });
});
