import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appDataDirectory, resolveLibraryPath } from '../app/library-location.js';
import { dbSwitch, desktopLibraryPath, withoutDbSwitch } from './library.js';

describe('withoutDbSwitch', () => {
  it('drops every --db switch and keeps the rest, to restart on another library', () => {
    expect(withoutDbSwitch(['.', '--db=/a.json', '--inspect', '--db', '/b.json', 'x'])).toEqual([
      '.',
      '--inspect',
      'x',
    ]);
  });
});

describe('dbSwitch', () => {
  it.each<[string[], string | undefined]>([
    [['/opt/Shelfmark/shelfmark'], undefined],
    [['/opt/Shelfmark/shelfmark', '--db=/data/library.json'], '/data/library.json'],
    [['electron', '.', '--db', 'work.json'], 'work.json'],
    [['electron', '.', '--db=a.json', '--db=b.json'], 'b.json'],
    [['electron', '.', '--db='], undefined],
    [['electron', '.', '--db'], undefined],
    [['electron', '.', '--dbx=a.json'], undefined],
  ])('%j → %s', (argv, value) => {
    expect(dbSwitch(argv)).toBe(value);
  });
});

describe('desktopLibraryPath', () => {
  const userData = join('/home/me/.config', 'Shelfmark');

  it('defaults to library.json in userData', () => {
    expect(desktopLibraryPath(['shelfmark'], {}, userData)).toBe(join(userData, 'library.json'));
  });

  it('takes SHELFMARK_DB', () => {
    expect(desktopLibraryPath(['shelfmark'], { SHELFMARK_DB: '/data/env.json' }, userData)).toBe(
      resolve('/data/env.json'),
    );
  });

  it('prefers --db to SHELFMARK_DB, as the CLI does', () => {
    const env = { SHELFMARK_DB: '/data/env.json' };
    expect(desktopLibraryPath(['shelfmark', '--db=/data/switch.json'], env, userData)).toBe(
      resolve('/data/switch.json'),
    );
  });

  it('resolves a relative --db against the working directory', () => {
    expect(desktopLibraryPath(['shelfmark', '--db', 'mine.json'], {}, userData)).toBe(resolve('mine.json'));
  });

  it('has the CLI’s default when userData is <appData>/Shelfmark', () => {
    const env = { APPDATA: 'C:\\Users\\me\\AppData\\Roaming', XDG_CONFIG_HOME: '/home/me/.config' };
    expect(desktopLibraryPath([], env, appDataDirectory(process.platform, env))).toBe(
      resolveLibraryPath(undefined, env),
    );
  });
});
