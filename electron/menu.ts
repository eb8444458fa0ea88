/** The application menu as a template: plain data with injected callbacks, so it is built and tested without Electron. */

import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../core/ipc.js';
import { safeExternalUrl } from './security.js';

interface MenuActions {
  /** File → Import Digest…: the open dialog, then the import, in the main process. */
  importDigest(): void;
  /** File → Open Library…: choose another library file, then restart on it. */
  openLibrary(): void;
  /** Edit → Paste Digest: the clipboard's text to the renderer, which previews it as a digest. */
  pasteDigest(): void;
  /**
   * Items the renderer carries out (Export…, Add Papers…, Fetch Hugging Face Daily Papers…, Find…, Possible
   * Duplicates, Keyboard Shortcuts).
   */
  sendCommand(command: MenuCommand): void;
  openExternal(url: string): void;
}

export interface MenuOptions {
  readonly platform: NodeJS.Platform;
  /** Not packaged: adds Reload and Toggle Developer Tools. */
  readonly isDev: boolean;
  readonly appName: string;
  /** The project's page (package.json "homepage"); without one there is no "… on GitHub" item. */
  readonly homepageUrl?: string | undefined;
  readonly actions: MenuActions;
}

export const IMPORT_ACCELERATOR = 'CmdOrCtrl+O';
export const EXPORT_ACCELERATOR = 'CmdOrCtrl+E';
export const FIND_ACCELERATOR = 'CmdOrCtrl+F';

/** package.json's "homepage" when it is an https URL the browser may open. */
export function homepageFromPackageJson(packageJson: unknown): string | undefined {
  if (typeof packageJson !== 'object' || packageJson === null) return undefined;
  const url = safeExternalUrl((packageJson as { homepage?: unknown }).homepage);
  return url !== null && url.startsWith('https:') ? url : undefined;
}

const separator: MenuItemConstructorOptions = { type: 'separator' };

function homepageLabel(appName: string, url: string): string {
  let host = '';
  try {
    host = new URL(url).hostname;
  } catch {
    // The caller passes a checked URL; an odd one still gets a sensible label.
  }
  return host === 'github.com' ? `${appName} on GitHub` : `${appName} Website`;
}

/** File → Sync Notes with Folder… and Sync Notes Now: both carried out by the renderer, which has the settings. */
function notesSyncItems(actions: MenuActions): MenuItemConstructorOptions[] {
  return [
    { id: 'sync-notes', label: 'Sync Notes with Folder…', click: () => actions.sendCommand('sync-notes') },
    { id: 'sync-notes-now', label: 'Sync Notes Now', click: () => actions.sendCommand('sync-notes-now') },
  ];
}

export function buildMenuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const { platform, isDev, appName, homepageUrl, actions } = options;
  const mac = platform === 'darwin';

  const appMenu: MenuItemConstructorOptions = {
    label: appName,
    submenu: [
      { role: 'about' },
      separator,
      { role: 'services' },
      separator,
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      separator,
      { role: 'quit' },
    ],
  };

  const fileMenu: MenuItemConstructorOptions = {
    label: 'File',
    submenu: [
      { id: 'import', label: 'Import Digest…', accelerator: IMPORT_ACCELERATOR, click: () => actions.importDigest() },
      { id: 'add-papers', label: 'Add Papers…', click: () => actions.sendCommand('add-papers') },
      {
        id: 'fetch-daily-papers',
        label: 'Fetch Hugging Face Daily Papers…',
        click: () => actions.sendCommand('fetch-daily-papers'),
      },
      { id: 'export', label: 'Export…', accelerator: EXPORT_ACCELERATOR, click: () => actions.sendCommand('export') },
      separator,
      ...notesSyncItems(actions),
      separator,
      { id: 'open-library', label: 'Open Library…', click: () => actions.openLibrary() },
      { id: 'devices', label: 'Devices…', click: () => actions.sendCommand('devices') },
      separator,
      mac ? { role: 'close' } : { role: 'quit' },
    ],
  };

  // Undo/Select All keep their roles: in a text field they act natively; elsewhere the renderer's own
  // Ctrl/Cmd+Z and Ctrl/Cmd+A handlers run (and preventDefault), and the role finds nothing to do.
  const editMenu: MenuItemConstructorOptions = {
    label: 'Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      separator,
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      ...(mac ? [{ role: 'pasteAndMatchStyle' } as const] : []),
      { id: 'paste-digest', label: 'Paste Digest', click: () => actions.pasteDigest() },
      { role: 'delete' },
      { role: 'selectAll' },
      separator,
      { id: 'find', label: 'Find…', accelerator: FIND_ACCELERATOR, click: () => actions.sendCommand('find') },
    ],
  };

  const viewMenu: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [
      ...(isDev
        ? [{ role: 'reload' } as const, { role: 'forceReload' } as const, { role: 'toggleDevTools' } as const]
        : []),
      ...(isDev ? [separator] : []),
      { id: 'duplicates', label: 'Possible Duplicates', click: () => actions.sendCommand('duplicates') },
      separator,
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      separator,
      { role: 'togglefullscreen' },
    ],
  };

  const windowMenu: MenuItemConstructorOptions = {
    label: 'Window',
    role: 'windowMenu',
  };

  const helpMenu: MenuItemConstructorOptions = {
    label: 'Help',
    role: 'help',
    submenu: [
      { id: 'shortcuts', label: 'Keyboard Shortcuts', click: () => actions.sendCommand('shortcuts') },
      ...(homepageUrl !== undefined
        ? [
            {
              id: 'homepage',
              label: homepageLabel(appName, homepageUrl),
              click: () => actions.openExternal(homepageUrl),
            } satisfies MenuItemConstructorOptions,
          ]
        : []),
      ...(mac ? [] : [separator, { role: 'about' } as const]),
    ],
  };

  return [...(mac ? [appMenu] : []), fileMenu, editMenu, viewMenu, windowMenu, helpMenu];
}
