import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import type { MenuCommand } from '../core/ipc.js';
import {
  buildMenuTemplate,
  EXPORT_ACCELERATOR,
  FIND_ACCELERATOR,
  homepageFromPackageJson,
  IMPORT_ACCELERATOR,
  type MenuOptions,
} from './menu.js';

function build(overrides: Partial<MenuOptions> = {}) {
  const calls = { imports: 0, libraries: 0, pastes: 0, commands: [] as MenuCommand[], opened: [] as string[] };
  const template = buildMenuTemplate({
    platform: 'linux',
    isDev: false,
    appName: 'Shelfmark',
    actions: {
      importDigest: () => calls.imports++,
      openLibrary: () => calls.libraries++,
      pasteDigest: () => calls.pastes++,
      sendCommand: (command) => calls.commands.push(command),
      openExternal: (url) => calls.opened.push(url),
    },
    ...overrides,
  });
  return { template, calls };
}

function submenu(item: MenuItemConstructorOptions | undefined): MenuItemConstructorOptions[] {
  const items = item?.submenu;
  if (!Array.isArray(items)) throw new Error(`${item?.label ?? 'the item'} has no submenu`);
  return items;
}

function topMenu(template: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions[] {
  return submenu(template.find((item) => item.label === label));
}

/** Every item in the template, depth first. */
function allItems(items: readonly MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? allItems(item.submenu) : [])]);
}

function click(item: MenuItemConstructorOptions | undefined): void {
  if (item?.click === undefined) throw new Error(`${item?.label ?? 'the item'} has no click handler`);
  // The handlers take no notice of Electron's arguments.
  const handler = item.click as () => void;
  handler();
}

const roles = (items: readonly MenuItemConstructorOptions[]) => items.map((item) => item.role).filter(Boolean);

describe('buildMenuTemplate', () => {
  it('has File → Import Digest… on Ctrl/Cmd+O, which runs the import', () => {
    const { template, calls } = build();
    const item = topMenu(template, 'File').find((entry) => entry.label === 'Import Digest…');
    expect(item?.accelerator).toBe('CmdOrCtrl+O');
    expect(IMPORT_ACCELERATOR).toBe('CmdOrCtrl+O');
    click(item);
    expect(calls.imports).toBe(1);
  });

  it('has File → Open Library…, which the main process carries out', () => {
    const { template, calls } = build();
    click(topMenu(template, 'File').find((entry) => entry.label === 'Open Library…'));
    expect(calls.libraries).toBe(1);
  });

  it('has File → Export… on Ctrl/Cmd+E, which the renderer carries out', () => {
    const { template, calls } = build();
    const item = topMenu(template, 'File').find((entry) => entry.label === 'Export…');
    expect(item?.accelerator).toBe(EXPORT_ACCELERATOR);
    expect(EXPORT_ACCELERATOR).toBe('CmdOrCtrl+E');
    click(item);
    expect(calls.commands).toEqual(['export']);
  });

  it('has File → Add Papers… and File → Fetch Hugging Face Daily Papers…, which the renderer carries out', () => {
    const { template, calls } = build();
    const file = topMenu(template, 'File');
    click(file.find((entry) => entry.label === 'Add Papers…'));
    click(file.find((entry) => entry.label === 'Fetch Hugging Face Daily Papers…'));
    expect(calls.commands).toEqual(['add-papers', 'fetch-daily-papers']);
  });

  it('has Edit → Paste Digest beside the native Paste, which keeps its role', () => {
    for (const platform of ['darwin', 'linux'] as const) {
      const { template, calls } = build({ platform });
      const edit = topMenu(template, 'Edit');
      const item = edit.find((entry) => entry.label === 'Paste Digest');
      expect(item?.accelerator).toBeUndefined();
      expect(edit.indexOf(item ?? {})).toBeGreaterThan(edit.findIndex((entry) => entry.role === 'paste'));
      click(item);
      expect(calls.pastes).toBe(1);
      expect(calls.commands).toEqual([]);
    }
  });

  it('has File → Sync Notes with Folder… and Sync Notes Now, which the renderer carries out', () => {
    const { template, calls } = build();
    const file = topMenu(template, 'File');
    click(file.find((entry) => entry.label === 'Sync Notes with Folder…'));
    click(file.find((entry) => entry.label === 'Sync Notes Now'));
    expect(calls.commands).toEqual(['sync-notes', 'sync-notes-now']);
  });

  it('has File → Devices…, which the renderer shows', () => {
    const { template, calls } = build();
    click(topMenu(template, 'File').find((entry) => entry.label === 'Devices…'));
    expect(calls.commands).toEqual(['devices']);
  });

  it('has Edit → Find… on Ctrl/Cmd+F and keeps the native editing roles', () => {
    const { template, calls } = build();
    const edit = topMenu(template, 'Edit');
    expect(roles(edit)).toEqual(expect.arrayContaining(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']));
    const find = edit.find((entry) => entry.label === 'Find…');
    expect(find?.accelerator).toBe(FIND_ACCELERATOR);
    expect(FIND_ACCELERATOR).toBe('CmdOrCtrl+F');
    click(find);
    expect(calls.commands).toEqual(['find']);
  });

  it('has View → Possible Duplicates, which the page shows', () => {
    const { template, calls } = build();
    click(topMenu(template, 'View').find((entry) => entry.label === 'Possible Duplicates'));
    expect(calls.commands).toEqual(['duplicates']);
  });

  it('has Help → Keyboard Shortcuts', () => {
    const { template, calls } = build();
    click(topMenu(template, 'Help').find((entry) => entry.label === 'Keyboard Shortcuts'));
    expect(calls.commands).toEqual(['shortcuts']);
  });

  it('offers the project page only when there is one', () => {
    expect(allItems(build().template).some((item) => item.id === 'homepage')).toBe(false);
    const { template, calls } = build({ homepageUrl: 'https://github.com/shelfmark/shelfmark' });
    const item = topMenu(template, 'Help').find((entry) => entry.id === 'homepage');
    expect(item?.label).toBe('Shelfmark on GitHub');
    click(item);
    expect(calls.opened).toEqual(['https://github.com/shelfmark/shelfmark']);
    expect(topMenu(build({ homepageUrl: 'https://shelfmark.app/' }).template, 'Help')).toContainEqual(
      expect.objectContaining({ id: 'homepage', label: 'Shelfmark Website' }),
    );
  });

  it('has zoom and full screen, but Reload and DevTools only in development', () => {
    const production = roles(topMenu(build().template, 'View'));
    expect(production).toEqual(['resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']);
    const development = roles(topMenu(build({ isDev: true }).template, 'View'));
    expect(development).toEqual(expect.arrayContaining(['reload', 'forceReload', 'toggleDevTools']));
  });

  it('never offers Reload or DevTools in a packaged app, anywhere in the menu', () => {
    for (const platform of ['darwin', 'win32', 'linux'] as const) {
      const everyRole = roles(allItems(build({ platform }).template));
      expect(everyRole).not.toContain('toggleDevTools');
      expect(everyRole).not.toContain('reload');
      expect(everyRole).not.toContain('forceReload');
    }
  });

  it('starts with the app menu on macOS, and quits from File elsewhere', () => {
    const mac = build({ platform: 'darwin' }).template;
    expect(mac.map((item) => item.label)).toEqual(['Shelfmark', 'File', 'Edit', 'View', 'Window', 'Help']);
    expect(roles(submenu(mac[0]))).toEqual(expect.arrayContaining(['about', 'hide', 'quit']));
    expect(roles(topMenu(mac, 'File'))).toContain('close');

    const windows = build({ platform: 'win32' }).template;
    expect(windows.map((item) => item.label)).toEqual(['File', 'Edit', 'View', 'Window', 'Help']);
    expect(roles(topMenu(windows, 'File'))).toContain('quit');
  });

  it('has a Window menu', () => {
    expect(build().template.find((item) => item.label === 'Window')?.role).toBe('windowMenu');
  });

  it('uses each accelerator once', () => {
    const accelerators = allItems(build({ platform: 'darwin', isDev: true }).template)
      .map((item) => item.accelerator)
      .filter((accelerator) => accelerator !== undefined);
    expect(new Set(accelerators).size).toBe(accelerators.length);
  });
});

describe('homepageFromPackageJson', () => {
  it('takes an https homepage', () => {
    expect(homepageFromPackageJson({ homepage: 'https://github.com/shelfmark/shelfmark#readme' })).toBe(
      'https://github.com/shelfmark/shelfmark#readme',
    );
  });

  it.each([
    {},
    { homepage: 'http://example.com/' },
    { homepage: 'javascript:alert(1)' },
    { homepage: 42 },
    null,
    'https://github.com/x',
  ])('ignores %j', (packageJson) => {
    expect(homepageFromPackageJson(packageJson)).toBeUndefined();
  });
});
