/**
 * Shelfmark's Electron main process: one window, the native menu, the API over one IPC channel, and the security
 * policy. Kept thin: each decision lives in a small pure module next to this one, unit-tested on Node.
 */

import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  app,
  BrowserWindow,
  clipboard,
  dialog,
  ipcMain,
  Menu,
  nativeTheme,
  protocol,
  screen,
  session,
  shell,
  type IpcMainInvokeEvent,
  type Session,
  type WebContents,
} from 'electron';
import type { ImportReport, LibraryApi } from '../core/api.js';
import { API_CHANNEL, EVENT_CHANNEL, type AppEvent, type MenuCommand } from '../core/ipc.js';
import { toApiError } from '../app/api-dispatch.js';
import { APP_NAME } from '../app/library-location.js';
import { LibraryService, type ExportSaver } from '../app/library-service.js';
import { bundledSampleDigest, SAMPLE_DIGEST_NAME } from '../app/resources.js';
import { createApiHandler, type ApiSender } from './api-handler.js';
import { createExportSaver, type ExportDialogs } from './export-saver.js';
import { IMPORT_DIALOG_FILTERS, readImportFiles, withRefusedFiles } from './import-files.js';
import { desktopLibraryPath, withoutDbSwitch } from './library.js';
import { buildMenuTemplate, homepageFromPackageJson } from './menu.js';
import {
  createRendererProtocolHandler,
  RENDERER_SCHEME,
  RENDERER_SCHEME_PRIVILEGES,
  RENDERER_URL,
} from './renderer-protocol.js';
import { isPermissionAllowed, safeExternalUrl, withContentSecurityPolicy } from './security.js';
import { windowOptions } from './window-options.js';
import { windowPlacement, type WindowState } from './window-state.js';
import { createWindowStateWriter, readWindowState, WINDOW_STATE_FILE_NAME } from './window-state-file.js';

const HERE = dirname(fileURLToPath(import.meta.url));
/** Compiled from electron/preload.cts. */
const PRELOAD = join(HERE, 'preload.cjs');
/** Vite's output. */
const RENDERER_ROOT = join(HERE, '..', 'renderer');
const SHUTDOWN_TIMEOUT_MS = 5000;

interface OpenLibrary {
  readonly api: LibraryApi;
  /** See LibraryService.onChangedElsewhere. */
  onChangedElsewhere(listener: () => void): () => void;
  close(): Promise<void>;
}

function logError(context: string): (error: unknown) => void {
  return (error) => console.error(`Shelfmark: ${context}:`, error);
}

// Before anything reads a path: userData is <appData>/Shelfmark, the folder the CLI's default library is in, in
// development (package.json's "name" is lower-case) as in a packaged build. --user-data-dir still wins.
app.setName(APP_NAME);
const userDataSwitch = app.commandLine.getSwitchValue('user-data-dir');
app.setPath('userData', userDataSwitch !== '' ? resolve(userDataSwitch) : join(app.getPath('appData'), APP_NAME));
app.enableSandbox();
protocol.registerSchemesAsPrivileged([RENDERER_SCHEME_PRIVILEGES]);

if (app.requestSingleInstanceLock()) {
  start();
} else {
  // Another Shelfmark owns this userData folder: it gets our 'second-instance' and comes to the front.
  app.quit();
}

function sampleDigestPath(): string {
  try {
    return bundledSampleDigest();
  } catch {
    return join(app.getAppPath(), 'seeds', SAMPLE_DIGEST_NAME);
  }
}

/**
 * The service opens its store lazily, on its first read, and tries again after a failure: an unreadable library
 * answers every API call with a 'library-file' error (the renderer shows it) and can still be restored from its
 * backups.
 */
function openLibrary(
  path: string,
  saveExport: ExportSaver,
  chooseNotesFolder: (current: string | null) => Promise<string | null>,
): OpenLibrary {
  const service = new LibraryService(path, {
    sampleDigest: sampleDigestPath(),
    saveExport,
    chooseNotesFolder,
    rankInWorker: true,
    appData: app.getPath('userData'),
  });
  // Read what the window asks for first while it is being created and loads.
  void service.warm();
  return {
    api: service,
    onChangedElsewhere: (listener) => service.onChangedElsewhere(listener),
    close: () => service.close(),
  };
}

/** The export's save dialogs, attached to the window when there is one. */
function exportDialogs(window: () => BrowserWindow | null): ExportDialogs {
  const attached = <T>(show: (win: BrowserWindow) => Promise<T>, alone: () => Promise<T>): Promise<T> => {
    const win = window();
    return win === null ? alone() : show(win);
  };
  return {
    async chooseFile({ defaultPath, name, extensions }) {
      const options = {
        title: 'Export',
        buttonLabel: 'Export',
        defaultPath,
        filters: [{ name, extensions: [...extensions] }],
        properties: ['showOverwriteConfirmation' as const, 'createDirectory' as const],
      };
      const choice = await attached(
        (win) => dialog.showSaveDialog(win, options),
        () => dialog.showSaveDialog(options),
      );
      return choice.canceled || choice.filePath === '' ? null : choice.filePath;
    },
    async chooseFolder({ defaultPath }) {
      const options = {
        title: 'Export Notes to a Folder',
        message: 'Choose a name for the new folder of notes.',
        buttonLabel: 'Export',
        nameFieldLabel: 'Folder:',
        defaultPath,
        properties: ['createDirectory' as const],
      };
      const choice = await attached(
        (win) => dialog.showSaveDialog(win, options),
        () => dialog.showSaveDialog(options),
      );
      return choice.canceled || choice.filePath === '' ? null : choice.filePath;
    },
    async confirmExportIntoFolder(path) {
      const options = {
        type: 'question' as const,
        buttons: ['Cancel', 'Export Into It'],
        defaultId: 0,
        cancelId: 0,
        message: `“${path}” already exists. Export into it?`,
        detail:
          'Notes Shelfmark exported there before are replaced with the new ones, unless you changed them. Nothing else in the folder is changed: where one of your files has a note’s name, the note gets another.',
      };
      const answer = await attached(
        (win) => dialog.showMessageBox(win, options),
        () => dialog.showMessageBox(options),
      );
      return answer.response === 1;
    },
  };
}

/** File → Sync Notes with Folder…'s Choose…: a folder of an Obsidian vault, say, or a new one. */
function notesFolderChooser(window: () => BrowserWindow | null, documentsFolder: string) {
  return async (current: string | null): Promise<string | null> => {
    const options = {
      title: 'Sync Notes with Folder',
      message: 'Choose the folder to keep your notes in, a file a paper (a folder of an Obsidian vault, say).',
      buttonLabel: 'Choose',
      defaultPath: current ?? documentsFolder,
      properties: ['openDirectory' as const, 'createDirectory' as const],
    };
    const win = window();
    const choice = await (win === null ? dialog.showOpenDialog(options) : dialog.showOpenDialog(win, options));
    return choice.canceled ? null : (choice.filePaths[0] ?? null);
  };
}

function projectHomepage(): string | undefined {
  try {
    return homepageFromPackageJson(JSON.parse(readFileSync(join(app.getAppPath(), 'package.json'), 'utf8')));
  } catch {
    return undefined;
  }
}

function openExternal(url: string): void {
  const safe = safeExternalUrl(url);
  if (safe !== null) shell.openExternal(safe).catch(logError(`cannot open ${safe}`));
}

/** Every webContents (the window, and any a bug or an attack might create): no navigation, no popups, no webviews. */
function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  // <a href="https://…" target="_blank"> opens in the system browser; nothing ever opens inside the app.
  contents.setWindowOpenHandler(({ url }) => {
    openExternal(url);
    return { action: 'deny' };
  });
}

function configureSession(ses: Session): void {
  ses.setPermissionRequestHandler((_contents, permission, callback) => callback(isPermissionAllowed(permission)));
  ses.setPermissionCheckHandler((_contents, permission) => isPermissionAllowed(permission));
  ses.webRequest.onHeadersReceived((details, callback) =>
    callback({ responseHeaders: withContentSecurityPolicy(details.url, details.responseHeaders) }),
  );
  ses.protocol.handle(RENDERER_SCHEME, createRendererProtocolHandler({ root: RENDERER_ROOT }));
}

/** The sender as the API handler checks it; a frame that is gone reads as null. */
function apiSender(event: IpcMainInvokeEvent): ApiSender {
  let frame: ApiSender['frame'] = null;
  try {
    const sender = event.senderFrame;
    const main = event.sender.mainFrame;
    if (sender !== null && !sender.isDestroyed()) {
      frame = {
        url: sender.url,
        isMainFrame: sender.processId === main.processId && sender.routingId === main.routingId,
      };
    }
  } catch {
    frame = null;
  }
  return { webContentsId: event.sender.id, frame };
}

function captureWindowState(win: BrowserWindow): WindowState {
  const { x, y, width, height } = win.getNormalBounds();
  return {
    bounds: { x: Math.round(x), y: Math.round(y), width: Math.round(width), height: Math.round(height) },
    maximized: win.isMaximized(),
  };
}

function start(): void {
  const isDev = !app.isPackaged;
  const userData = app.getPath('userData');
  const libraryPath = desktopLibraryPath(process.argv, process.env, userData);
  const library = openLibrary(
    libraryPath,
    createExportSaver(
      exportDialogs(() => liveWindow()),
      app.getPath('documents'),
    ),
    notesFolderChooser(() => liveWindow(), app.getPath('documents')),
  );
  const windowStateFile = join(userData, WINDOW_STATE_FILE_NAME);
  const windowState = createWindowStateWriter(windowStateFile, logError('cannot save the window state'));
  let mainWindow: BrowserWindow | null = null;

  const liveWindow = (): BrowserWindow | null => (mainWindow !== null && !mainWindow.isDestroyed() ? mainWindow : null);

  const sendAppEvent = (event: AppEvent): void => {
    liveWindow()?.webContents.send(EVENT_CHANNEL, event);
  };
  const sendCommand = (command: MenuCommand): void => sendAppEvent({ type: 'menu', command });
  // Until the library closes (will-quit): another process's changes reach the window.
  library.onChangedElsewhere(() => sendAppEvent({ type: 'library-changed' }));

  const handleApiCall = createApiHandler({
    mainWebContentsId: () => liveWindow()?.webContents.id,
    library: () => Promise.resolve(library.api),
    onRejected: (sender) =>
      console.warn(`Shelfmark: refused an API call from ${sender.frame?.url ?? 'a closed frame'}`),
  });

  /** Restarts Shelfmark on the library file the user chooses (an existing one, or a new name for a new one). */
  async function openLibraryFromDialog(): Promise<void> {
    const win = liveWindow();
    const options = {
      title: 'Open Library',
      buttonLabel: 'Open',
      defaultPath: libraryPath,
      filters: [{ name: 'Shelfmark library', extensions: ['json'] }],
      properties: ['openFile' as const, 'promptToCreate' as const],
    };
    const choice = await (win === null ? dialog.showOpenDialog(options) : dialog.showOpenDialog(win, options));
    const [chosen] = choice.filePaths;
    if (choice.canceled || chosen === undefined) return;
    app.relaunch({ args: [...withoutDbSwitch(process.argv.slice(1)), `--db=${chosen}`] });
    app.quit();
  }

  async function importFromDialog(): Promise<void> {
    const win = liveWindow();
    if (win === null) return;
    const choice = await dialog.showOpenDialog(win, {
      title: 'Import Digest',
      buttonLabel: 'Import',
      properties: ['openFile', 'multiSelections'],
      filters: [...IMPORT_DIALOG_FILTERS],
    });
    if (choice.canceled || choice.filePaths.length === 0) return;
    const { files, refused } = await readImportFiles(choice.filePaths);
    let report: ImportReport | undefined;
    if (files.length > 0) {
      try {
        report = await library.api.importFiles(files);
      } catch (error) {
        await dialog.showMessageBox(win, {
          type: 'error',
          message: 'Shelfmark could not import the files.',
          detail: toApiError(error).message,
        });
        return;
      }
    }
    sendAppEvent({ type: 'imported', report: withRefusedFiles(report, refused) });
  }

  async function createWindow(): Promise<void> {
    // On macOS the app outlives its window: a reopened window starts where the closed one was saved.
    await windowState.flush();
    const saved = await readWindowState(windowStateFile);
    const placement = windowPlacement(
      saved,
      screen.getAllDisplays().map((display) => display.workArea),
      screen.getPrimaryDisplay().workArea,
    );
    const win = new BrowserWindow(
      windowOptions({ preload: PRELOAD, placement, dark: nativeTheme.shouldUseDarkColors }),
    );
    mainWindow = win;

    win.once('ready-to-show', () => {
      if (placement.maximized) win.maximize();
      win.show();
    });

    let saveTimer: NodeJS.Timeout | undefined;
    const saveState = (): void => {
      clearTimeout(saveTimer);
      if (!win.isDestroyed()) windowState.save(captureWindowState(win));
    };
    const saveSoon = (): void => {
      clearTimeout(saveTimer);
      saveTimer = setTimeout(saveState, 500);
    };
    win.on('resize', saveSoon);
    win.on('move', saveSoon);
    win.on('maximize', saveSoon);
    win.on('unmaximize', saveSoon);
    win.on('close', saveState);
    win.on('closed', () => {
      clearTimeout(saveTimer);
      if (mainWindow === win) mainWindow = null;
    });
    win.webContents.on('render-process-gone', (_event, details) => {
      console.error(`Shelfmark: the window's renderer stopped (${details.reason}, exit code ${details.exitCode}).`);
    });

    try {
      await win.loadURL(RENDERER_URL);
    } catch (error) {
      logError(`cannot load ${RENDERER_URL}`)(error);
      if (!win.isDestroyed()) win.show();
    }
  }

  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));

  app.on('second-instance', () => {
    const win = liveWindow();
    if (win === null) {
      if (app.isReady()) createWindow().catch(logError('cannot open the window'));
      return;
    }
    if (win.isMinimized()) win.restore();
    win.show();
    win.focus();
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  app.on('activate', () => {
    if (app.isReady() && liveWindow() === null) createWindow().catch(logError('cannot open the window'));
  });

  // Let the last window-state write and the library's close (its lock) finish before the process ends.
  let shutDown = false;
  app.on('will-quit', (event) => {
    if (shutDown) return;
    event.preventDefault();
    const timeout = new Promise<void>((done) => setTimeout(done, SHUTDOWN_TIMEOUT_MS).unref());
    const work = Promise.allSettled([windowState.flush(), library.close()]);
    void Promise.race([work, timeout]).finally(() => {
      shutDown = true;
      app.quit();
    });
  });

  app
    .whenReady()
    .then(async () => {
      configureSession(session.defaultSession);
      ipcMain.handle(API_CHANNEL, (event, method: unknown, args: unknown) =>
        handleApiCall(apiSender(event), method, args),
      );
      app.setAboutPanelOptions({ applicationName: APP_NAME, applicationVersion: app.getVersion() });
      const template = buildMenuTemplate({
        platform: process.platform,
        isDev,
        appName: APP_NAME,
        homepageUrl: projectHomepage(),
        actions: {
          importDigest: () => void importFromDialog().catch(logError('cannot import')),
          openLibrary: () => void openLibraryFromDialog().catch(logError('cannot open another library')),
          pasteDigest: () =>
            void clipboard
              .readText()
              .then((text) => sendAppEvent({ type: 'paste-digest', text }))
              .catch(logError('cannot read the clipboard')),
          sendCommand,
          openExternal,
        },
      });
      Menu.setApplicationMenu(Menu.buildFromTemplate(template));
      await createWindow();
    })
    .catch((error: unknown) => {
      logError('cannot start')(error);
      dialog.showErrorBox('Shelfmark cannot start', error instanceof Error ? error.message : String(error));
      app.exit(1);
    });
}
