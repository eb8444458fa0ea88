import { describe, expect, it } from 'vitest';
import { baseName } from './file-name.js';

describe('baseName', () => {
  it('takes the base name of POSIX and Windows paths', () => {
    expect(baseName('/home/ada/refs.bib')).toBe('refs.bib');
    expect(baseName('C:\\Users\\ada\\refs.bib')).toBe('refs.bib');
    expect(baseName('refs.bib')).toBe('refs.bib');
  });
});
