import { describe, expect, it } from 'vitest';

import { FileSystemError, fileSystemError, userFileError } from './errors.js';

function errno(code: string, path?: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: raw message`), { code, ...(path === undefined ? {} : { path }) });
}

describe('fileSystemError', () => {
  it('says what happened, where, and what to do, never the raw code', () => {
    const cases: readonly [string, RegExp][] = [
      ['ENOSPC', /^No space left on the disk holding \/lib\/library\.json: nothing was changed\. Free some space/],
      ['ENOTDIR', /^A part of \/lib\/library\.json is a file, not a folder: nothing was changed\./],
      ['EBUSY', /^\/lib\/library\.json is busy \(another program is using it\): nothing was changed\./],
      ['EACCES', /^Shelfmark may not use \/lib\/library\.json \(permission denied\)/],
      ['EIO', /^The disk holding \/lib\/library\.json reported an input\/output error/],
    ];
    for (const [code, expected] of cases) {
      const said = fileSystemError(errno(code, '/lib/library.json'));
      expect(said).toBeInstanceOf(FileSystemError);
      expect(said?.message).toMatch(expected);
      expect(said?.message).not.toContain(code);
    }
  });

  it('names the place it is given when the error carries no path', () => {
    expect(fileSystemError(errno('ENOSPC'), '/home/u/papers')?.message).toBe(
      'No space left on the disk holding /home/u/papers: nothing was changed. Free some space, then try again.',
    );
  });

  it('says what to do for every error it knows, a missing file included', () => {
    const codes = ['ENOSPC', 'EDQUOT', 'EROFS', 'EACCES', 'EPERM', 'ENOENT', 'ENOTDIR', 'EISDIR', 'EEXIST', 'EBUSY'];
    for (const code of [...codes, 'EMFILE', 'ENFILE', 'ENAMETOOLONG', 'ELOOP', 'EIO']) {
      // A sentence of what happened, then one of what to do.
      expect(fileSystemError(errno(code, '/x/notes.md'))?.message).toMatch(/\/x\/notes\.md.*\. [A-Z][^.]+\.$/);
    }
    expect(fileSystemError(errno('ENOENT', 'notes.md'))?.message).toBe(
      'There is no file or folder notes.md. Check the name and the folder.',
    );
  });

  it('names the file the user named, not the temp file beside it the error carries', () => {
    expect(userFileError(errno('EROFS', '/media/.notes.md.123-abc.tmp'), '/media/notes.md')?.message).toBe(
      '/media/notes.md is on a read-only file system: nothing was changed. Choose a place that can be written.',
    );
    expect(userFileError(new Error('plain'), '/media/notes.md')).toBeNull();
  });

  it('leaves errors it does not know alone', () => {
    expect(fileSystemError(new Error('plain'))).toBeNull();
    expect(fileSystemError(errno('EWHATEVER', '/x'))).toBeNull();
    expect(fileSystemError('a string')).toBeNull();
  });
});
