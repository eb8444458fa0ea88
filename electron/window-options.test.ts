import { describe, expect, it } from 'vitest';
import { windowOptions } from './window-options.js';
import { MIN_WINDOW_SIZE } from './window-state.js';

const preload = '/opt/Shelfmark/resources/app.asar/dist/electron/preload.cjs';

describe('windowOptions', () => {
  const options = windowOptions({
    preload,
    placement: { x: 40, y: 60, width: 1200, height: 800, maximized: false },
    dark: false,
  });

  it('locks down the renderer', () => {
    expect(options.webPreferences).toMatchObject({
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
      navigateOnDragDrop: false,
    });
  });

  it('enables nothing risky', () => {
    const preferences = options.webPreferences ?? {};
    expect(preferences.enableBlinkFeatures).toBeUndefined();
    expect(preferences.additionalArguments).toBeUndefined();
    expect(preferences.partition).toBeUndefined();
  });

  it('places the window and shows it only when ready', () => {
    expect(options).toMatchObject({ x: 40, y: 60, width: 1200, height: 800, show: false, title: 'Shelfmark' });
    expect(options).toMatchObject({ minWidth: MIN_WINDOW_SIZE.width, minHeight: MIN_WINDOW_SIZE.height });
  });

  it('lets the OS centre the window when there is no position', () => {
    const centred = windowOptions({ preload, placement: { width: 1000, height: 700, maximized: true }, dark: true });
    expect(centred).not.toHaveProperty('x');
    expect(centred).not.toHaveProperty('y');
    expect(centred.backgroundColor).not.toBe(options.backgroundColor);
  });
});
