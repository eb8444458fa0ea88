/** The main window's constructor options: placement plus the locked-down web preferences. */

import type { BrowserWindowConstructorOptions } from 'electron';
import { MIN_WINDOW_SIZE, type WindowPlacement } from './window-state.js';

export interface WindowOptionsInput {
  /** Absolute path of the compiled preload (dist/electron/preload.cjs). */
  readonly preload: string;
  readonly placement: WindowPlacement;
  /** The OS is in dark mode: paint the window dark before the page does, so it does not flash white. */
  readonly dark: boolean;
}

export function windowOptions({ preload, placement, dark }: WindowOptionsInput): BrowserWindowConstructorOptions {
  return {
    title: 'Shelfmark',
    width: placement.width,
    height: placement.height,
    ...(placement.x !== undefined && placement.y !== undefined ? { x: placement.x, y: placement.y } : {}),
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    // Shown on 'ready-to-show', after maximising if it was maximised: no flash of an empty or resizing window.
    show: false,
    backgroundColor: dark ? '#1e1e1e' : '#ffffff',
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      // A file dropped outside the renderer's drop zone must not replace the page (will-navigate is refused too).
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: true,
    },
  };
}
