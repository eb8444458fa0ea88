/**
 * The main process's wiring, run on Node against a stand-in for the 'electron' module (no Electron binary here):
 * what it registers before and after 'ready', the window it opens, and the paths from the menu and IPC through the
 * real LibraryService on a library in a temporary folder.
 */

import { existsSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ImportReport } from '../core/api.js';
import { API_CHANNEL, EVENT_CHANNEL, type AppEvent } from '../core/ipc.js';
import { bundledSampleDigest } from '../app/resources.js';
import { RENDERER_SCHEME_PRIVILEGES, RENDERER_URL } from './renderer-protocol.js';
import { CONTENT_SECURITY_POLICY } from '../core/content-security-policy.js';

type Listener = (...args: unknown[]) => unknown;

const fake = vi.hoisted(async () => {
  const { mkdtempSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const path = await import('node:path');

  class Emitter {
    readonly listeners = new Map<string, Listener[]>();
    on(event: string, listener: (...args: never[]) => unknown): this {
      this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener as Listener]);
      return this;
    }
    once(event: string, listener: (...args: never[]) => unknown): this {
      const wrapped: Listener = (...args) => {
        this.listeners.set(
          event,
          (this.listeners.get(event) ?? []).filter((entry) => entry !== wrapped),
        );
        return (listener as Listener)(...args);
      };
      this.listeners.set(event, [...(this.listeners.get(event) ?? []), wrapped]);
      return this;
    }
    emit(event: string, ...args: unknown[]): void {
      for (const listener of this.listeners.get(event) ?? []) listener(...args);
    }
  }

  const appData = mkdtempSync(path.join(tmpdir(), 'shelfmark-main-'));
  const log: string[] = [];
  const paths = new Map<string, string>([
    ['appData', appData],
    ['documents', path.join(appData, 'Documents')],
  ]);
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  let isReady = false;

  const state = {
    appData,
    log,
    name: '',
    quits: 0,
    exitCode: undefined as number | undefined,
    schemes: [] as unknown[],
    protocolHandlers: new Map<string, (request: Request) => Promise<Response>>(),
    permissionRequest: undefined as Listener | undefined,
    permissionCheck: undefined as Listener | undefined,
    headersReceived: undefined as Listener | undefined,
    ipcHandlers: new Map<string, Listener>(),
    menu: undefined as unknown,
    opened: [] as string[],
    nextOpenDialog: { canceled: true, filePaths: [] as string[] },
    messageBoxes: [] as unknown[],
    clipboardText: '',
  };

  const app = Object.assign(new Emitter(), {
    isPackaged: true,
    commandLine: { getSwitchValue: (): string => '' },
    setName: (name: string) => {
      log.push('setName');
      state.name = name;
    },
    setPath: (name: string, path: string) => {
      log.push(`setPath ${name}`);
      paths.set(name, path);
    },
    getPath: (name: string): string => {
      const value = paths.get(name);
      if (value === undefined) throw new Error(`no path ${name}`);
      return value;
    },
    enableSandbox: () => log.push('enableSandbox'),
    requestSingleInstanceLock: () => {
      log.push('requestSingleInstanceLock');
      return true;
    },
    whenReady: () => ready,
    isReady: () => isReady,
    getAppPath: () => process.cwd(),
    getVersion: () => '0.1.0',
    setAboutPanelOptions: () => undefined,
    quit: () => {
      state.quits++;
    },
    exit: (code: number) => {
      state.exitCode = code;
    },
  });

  class FakeWebContents extends Emitter {
    readonly id = 41;
    readonly mainFrame = { processId: 3, routingId: 5, url: '', parent: null, isDestroyed: () => false };
    readonly sent: [string, unknown][] = [];
    windowOpenHandler: ((details: { url: string }) => unknown) | undefined;
    send(channel: string, payload: unknown): void {
      this.sent.push([channel, payload]);
    }
    setWindowOpenHandler(handler: (details: { url: string }) => unknown): void {
      this.windowOpenHandler = handler;
    }
  }

  class BrowserWindow extends Emitter {
    static readonly instances: BrowserWindow[] = [];
    readonly webContents = new FakeWebContents();
    loadedUrl = '';
    shown = false;
    maximized = false;
    constructor(readonly options: Record<string, unknown>) {
      super();
      BrowserWindow.instances.push(this);
      app.emit('web-contents-created', {}, this.webContents);
    }
    loadURL(url: string): Promise<void> {
      this.loadedUrl = url;
      this.webContents.mainFrame.url = url;
      this.emit('ready-to-show');
      return Promise.resolve();
    }
    isDestroyed = (): boolean => false;
    isMinimized = (): boolean => false;
    isMaximized = (): boolean => this.maximized;
    getNormalBounds = () => ({ x: 10, y: 20, width: 1000, height: 700 });
    show(): void {
      this.shown = true;
    }
    maximize(): void {
      this.maximized = true;
    }
    restore(): void {}
    focus(): void {}
  }

  const workArea = { x: 0, y: 0, width: 1920, height: 1080 };
  const electron = {
    app,
    BrowserWindow,
    nativeTheme: { shouldUseDarkColors: false },
    screen: { getAllDisplays: () => [{ workArea }], getPrimaryDisplay: () => ({ workArea }) },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => {
        log.push('registerSchemesAsPrivileged');
        state.schemes.push(...schemes);
      },
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (handler: Listener) => (state.permissionRequest = handler),
        setPermissionCheckHandler: (handler: Listener) => (state.permissionCheck = handler),
        webRequest: { onHeadersReceived: (handler: Listener) => (state.headersReceived = handler) },
        protocol: {
          handle: (scheme: string, handler: (request: Request) => Promise<Response>) =>
            state.protocolHandlers.set(scheme, handler),
        },
      },
    },
    ipcMain: { handle: (channel: string, handler: Listener) => state.ipcHandlers.set(channel, handler) },
    Menu: {
      buildFromTemplate: (template: unknown) => template,
      setApplicationMenu: (menu: unknown) => (state.menu = menu),
    },
    dialog: {
      showOpenDialog: () => Promise.resolve(state.nextOpenDialog),
      showMessageBox: (_window: unknown, options: unknown) => {
        state.messageBoxes.push(options);
        return Promise.resolve({ response: 0 });
      },
      showErrorBox: (title: string, content: string) => state.messageBoxes.push({ title, content }),
    },
    clipboard: { readText: () => Promise.resolve(state.clipboardText) },
    shell: {
      openExternal: (url: string) => {
        state.opened.push(url);
        return Promise.resolve();
      },
    },
  };

  return {
    electron,
    state,
    BrowserWindow,
    app,
    ready: () => {
      log.push('ready');
      isReady = true;
      markReady();
    },
  };
});

vi.mock('electron', async () => (await fake).electron);

const { electron, state, BrowserWindow, app, ready } = await fake;
const userData = join(state.appData, 'Shelfmark');
const savedDb = process.env['SHELFMARK_DB'];

function mainWindow(): InstanceType<typeof BrowserWindow> {
  const [win] = BrowserWindow.instances;
  if (win === undefined) throw new Error('no window');
  return win;
}

function ipc(method: string, args: unknown[], frameUrl = RENDERER_URL): Promise<unknown> {
  const handler = state.ipcHandlers.get(API_CHANNEL);
  if (handler === undefined) throw new Error('no API handler');
  const contents = mainWindow().webContents;
  const senderFrame = { ...contents.mainFrame, url: frameUrl };
  return handler({ sender: contents, senderFrame }, method, args) as Promise<unknown>;
}

interface TemplateItem {
  readonly id?: string;
  readonly label?: string;
  readonly submenu?: TemplateItem[];
  readonly click?: () => void;
}

function menuItem(id: string): TemplateItem {
  const items = (state.menu as TemplateItem[]).flatMap((top) => top.submenu ?? []);
  const item = items.find((entry) => entry.id === id);
  if (item === undefined) throw new Error(`no menu item ${id}`);
  return item;
}

function appEvents(): AppEvent[] {
  return mainWindow()
    .webContents.sent.filter(([channel]) => channel === EVENT_CHANNEL)
    .map(([, payload]) => payload as AppEvent);
}

beforeAll(async () => {
  delete process.env['SHELFMARK_DB'];
  await import('./main.js');
  ready();
  await vi.waitFor(() => expect(mainWindow().loadedUrl).toBe(RENDERER_URL));
});

afterAll(() => {
  if (savedDb !== undefined) process.env['SHELFMARK_DB'] = savedDb;
  rmSync(state.appData, { recursive: true, force: true });
});

describe('before the app is ready', () => {
  it('names the app, moves userData to <appData>/Shelfmark and takes the single-instance lock there', () => {
    expect(state.name).toBe('Shelfmark');
    expect(electron.app.getPath('userData')).toBe(userData);
    const before = state.log.slice(0, state.log.indexOf('ready'));
    expect(before).toEqual([
      'setName',
      'setPath userData',
      'enableSandbox',
      'registerSchemesAsPrivileged',
      'requestSingleInstanceLock',
    ]);
  });

  it('registers the app:// scheme as privileged', () => {
    expect(state.schemes).toEqual([RENDERER_SCHEME_PRIVILEGES]);
  });
});

describe('the window', () => {
  it('is one, locked down, loading the renderer from app:// and shown when ready', () => {
    expect(BrowserWindow.instances).toHaveLength(1);
    const win = mainWindow();
    expect(win.options['webPreferences']).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
    });
    expect(basename((win.options['webPreferences'] as { preload: string }).preload)).toBe('preload.cjs');
    expect(win.loadedUrl).toBe('app://shelfmark/index.html');
    expect(win.shown).toBe(true);
  });

  it('cannot navigate, open windows (links go to the browser if safe) or attach webviews', () => {
    const contents = mainWindow().webContents;
    for (const event of ['will-navigate', 'will-attach-webview']) {
      const preventDefault = vi.fn();
      contents.emit(event, { preventDefault }, 'file:///etc/passwd');
      expect(preventDefault, event).toHaveBeenCalled();
    }
    expect(contents.windowOpenHandler?.({ url: 'https://arxiv.org/abs/2401.00001' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    expect(state.opened).toEqual(['https://arxiv.org/abs/2401.00001']);
  });

  it('focuses the existing window when Shelfmark is started again', () => {
    const focus = vi.spyOn(mainWindow(), 'focus');
    app.emit('second-instance', {}, ['shelfmark'], '/');
    expect(focus).toHaveBeenCalled();
    expect(BrowserWindow.instances).toHaveLength(1);
  });
});

describe('the session', () => {
  it('denies every permission request and check', () => {
    const callback = vi.fn();
    state.permissionRequest?.({}, 'media', callback, {});
    expect(callback).toHaveBeenCalledWith(false);
    expect(state.permissionCheck?.({}, 'notifications', 'app://shelfmark', {})).toBe(false);
  });

  it('adds the CSP header to responses', () => {
    const callback = vi.fn();
    state.headersReceived?.({ url: 'app://shelfmark/index.html', responseHeaders: {} }, callback);
    expect(callback).toHaveBeenCalledWith({
      responseHeaders: { 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    });
  });

  it('serves the renderer’s files on app://, with the CSP', async () => {
    const handler = state.protocolHandlers.get('app');
    if (handler === undefined) throw new Error('no app:// handler');
    // From source, the handler serves electron/../renderer (the Vite source folder); packaged, dist/renderer.
    const response = await handler(new Request('app://shelfmark/'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await response.text()).toContain('<title>Shelfmark</title>');
  });
});

describe('the API over IPC', () => {
  it('answers the window, from the library in userData', async () => {
    await expect(ipc('getLibrary', [])).resolves.toEqual({ ok: true, value: { papers: [], digests: [] } });
    const sample = (await ipc('importSample', [])) as { ok: true; value: ImportReport };
    expect(sample.ok).toBe(true);
    expect(sample.value.added).toBeGreaterThan(0);
    expect(existsSync(join(userData, 'library.json'))).toBe(true);
  });

  it('refuses a frame showing anything else', async () => {
    await expect(ipc('getLibrary', [], 'https://evil.example/')).resolves.toMatchObject({
      ok: false,
      error: { kind: 'invalid-input' },
    });
  });

  it('answers a bad call with an error, never a throw', async () => {
    await expect(ipc('setNote', ['2401.00001'])).resolves.toMatchObject({
      ok: false,
      error: { kind: 'invalid-input' },
    });
  });
});

describe('the menu', () => {
  it('imports the chosen files, refusing one over 32 MB, and tells the renderer', async () => {
    const digest = join(state.appData, 'digest.txt');
    writeFileSync(digest, readFileSync(bundledSampleDigest()));
    const huge = join(state.appData, 'huge.json');
    writeFileSync(huge, '');
    truncateSync(huge, 33 * 1024 * 1024);
    state.nextOpenDialog = { canceled: false, filePaths: [digest, huge] };

    menuItem('import').click?.();
    await vi.waitFor(() => expect(appEvents().some((event) => event.type === 'imported')).toBe(true));
    const imported = appEvents().find((event) => event.type === 'imported') as { report: ImportReport };
    expect(imported.report.files.map((file) => [file.file, file.ok])).toEqual([
      ['digest.txt', true],
      ['huge.json', false],
    ]);
  });

  it('sends Export… and Find… to the renderer', () => {
    menuItem('export').click?.();
    menuItem('find').click?.();
    expect(appEvents().filter((event) => event.type === 'menu')).toEqual([
      { type: 'menu', command: 'export' },
      { type: 'menu', command: 'find' },
    ]);
  });

  it('sends Fetch… and Add Papers… to the renderer, and on Edit → Paste Digest the clipboard’s text', async () => {
    const before = appEvents().length;
    menuItem('fetch-daily-papers').click?.();
    menuItem('add-papers').click?.();
    state.clipboardText = 'https://huggingface.co/papers/2503.90101\n2410.03060';
    menuItem('paste-digest').click?.();
    await vi.waitFor(() => expect(appEvents().length).toBe(before + 3));
    expect(appEvents().slice(before)).toEqual([
      { type: 'menu', command: 'fetch-daily-papers' },
      { type: 'menu', command: 'add-papers' },
      { type: 'paste-digest', text: 'https://huggingface.co/papers/2503.90101\n2410.03060' },
    ]);
  });
});

describe('quitting', () => {
  it('saves the window state on close and waits for it (and the library) before quitting', async () => {
    mainWindow().emit('close');
    const preventDefault = vi.fn();
    app.emit('will-quit', { preventDefault });
    expect(preventDefault).toHaveBeenCalled();
    await vi.waitFor(() => expect(state.quits).toBe(1));
    const saved = JSON.parse(readFileSync(join(userData, 'window-state.json'), 'utf8')) as unknown;
    expect(saved).toEqual({ bounds: { x: 10, y: 20, width: 1000, height: 700 }, maximized: false });
    // The second will-quit (from that quit) goes through.
    const again = vi.fn();
    app.emit('will-quit', { preventDefault: again });
    expect(again).not.toHaveBeenCalled();
  });

  it('never crashed or showed an error', () => {
    expect(state.exitCode).toBeUndefined();
    expect(state.messageBoxes).toEqual([]);
  });
});
