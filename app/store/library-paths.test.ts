import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { libraryPaths } from './library-paths.js';

describe('libraryPaths', () => {
  it('puts the state files and the lock beside the catalogue, replacing a trailing .json', () => {
    expect(libraryPaths('/home/u/.config/Shelfmark/library.json')).toEqual({
      catalogue: '/home/u/.config/Shelfmark/library.json',
      stateSnapshot: '/home/u/.config/Shelfmark/library.state.json',
      writeAheadLog: '/home/u/.config/Shelfmark/library.state.log',
      outline: '/home/u/.config/Shelfmark/library.outline.json',
      rankCache: '/home/u/.config/Shelfmark/library.rank-cache',
      lock: '/home/u/.config/Shelfmark/library.json.lock',
      directory: '/home/u/.config/Shelfmark',
    });
  });

  it('appends to a name without .json', () => {
    const paths = libraryPaths('/data/papers');
    expect(paths.stateSnapshot).toBe('/data/papers.state.json');
    expect(paths.writeAheadLog).toBe('/data/papers.state.log');
    expect(paths.lock).toBe('/data/papers.lock');
  });

  it('resolves a relative path, so the lock is the same whatever the working directory later becomes', () => {
    expect(libraryPaths('library.json').catalogue).toBe(path.resolve('library.json'));
  });
});
