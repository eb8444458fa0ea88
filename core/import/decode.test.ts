import { describe, expect, it } from 'vitest';
import { decodeDigest, firstInvalidUtf8Offset, MAX_DIGEST_BYTES } from './decode.js';
import { DigestError } from './types.js';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

function failure(bytes: Uint8Array): DigestError {
  try {
    decodeDigest(bytes, 'digest.txt');
  } catch (error) {
    if (error instanceof DigestError) return error;
    throw error;
  }
  throw new Error('decodeDigest did not throw');
}

describe('decodeDigest', () => {
  it('returns the text with the BOM removed and line endings normalised', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('Mar 11\r\n\r\nÜber\rdone\n')]);
    expect(decodeDigest(bytes, 'digest.txt')).toBe('Mar 11\n\nÜber\ndone\n');
  });

  it('refuses an empty file', () => {
    expect(failure(new Uint8Array()).message).toBe('the file is empty');
    expect(failure(utf8(' \n\t\r\n')).message).toBe('the file is empty (it holds only blank space)');
    expect(failure(new Uint8Array([0xef, 0xbb, 0xbf])).message).toBe('the file is empty (it holds only blank space)');
  });

  it('refuses a file over the size limit, saying both sizes', () => {
    expect(MAX_DIGEST_BYTES).toBe(32 * 1024 * 1024);
    const error = failure(new Uint8Array(40 * 1024 * 1024).fill(0x61));
    expect(error.message).toBe('the file is 40.0 MB, over the 32 MB limit for a digest');
    expect(decodeDigest(new Uint8Array(MAX_DIGEST_BYTES).fill(0x61), 'big.txt')).toHaveLength(MAX_DIGEST_BYTES);
  });

  it('refuses binary content: NUL bytes or many control characters', () => {
    expect(failure(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x14])).message).toBe(
      'it looks like a binary file, not a digest',
    );
    const controls = Uint8Array.from({ length: 200 }, (_, i) => (i % 8 === 0 ? 0x01 : 0x61));
    expect(failure(controls).message).toBe('it looks like a binary file, not a digest');
  });

  it('finds a NUL far into a file of text, valid UTF-8 or not', () => {
    const text = utf8('@misc{k, title = {T}}\n'.repeat(10_000));
    for (const after of [[0x00], [0xff, 0x00], [0x00, 0xff]]) {
      const bytes = Uint8Array.from([...text, ...after]);
      expect(failure(bytes).message).toBe('it looks like a binary file, not a digest');
    }
  });

  it('accepts text with the odd form feed or tab', () => {
    expect(decodeDigest(utf8('a\tb\fc\n'.repeat(10)), 'x.txt')).toBe('a\tb\fc\n'.repeat(10));
  });

  it('says a UTF-16 file is UTF-16', () => {
    expect(failure(new Uint8Array([0xff, 0xfe, 0x4d, 0x00, 0x61, 0x00])).message).toBe(
      'it is UTF-16 text; Shelfmark reads UTF-8, so save it as UTF-8 and import it again',
    );
  });

  it('says a UTF-16 file without a BOM is UTF-16, little- or big-endian, rather than binary', () => {
    const text = 'Daily Papers\n\nMar 11\n\nA Title — with “quotes”, Générative\n\nAn abstract.\n'.repeat(20);
    const littleEndian = Buffer.from(text, 'utf16le');
    const bigEndian = Buffer.from(text, 'utf16le').swap16();
    for (const bytes of [littleEndian, bigEndian, Buffer.from('ab', 'utf16le')]) {
      expect(failure(new Uint8Array(bytes)).message).toBe(
        'it is UTF-16 text; Shelfmark reads UTF-8, so save it as UTF-8 and import it again',
      );
    }
  });

  it('still takes NULs that are not UTF-16 text for binary', () => {
    const words = Uint8Array.from({ length: 4096 }, (_, i) => (i % 2 === 0 ? (i * 7) % 256 : 0));
    for (const bytes of [new Uint8Array(1024), new Uint8Array(1), new Uint8Array([0x61, 0]), words]) {
      expect(failure(bytes).message).toBe('it looks like a binary file, not a digest');
    }
  });

  it('refuses invalid UTF-8, saying where', () => {
    const latin1 = new Uint8Array([...utf8('Schr'), 0xf6, ...utf8('dinger\n')]);
    expect(failure(latin1).message).toBe(
      'it is not valid UTF-8 text (byte 4 is 0xF6); save it as UTF-8 and import it again',
    );
  });

  it('does not name the file in its messages', () => {
    expect(failure(new Uint8Array()).message).not.toContain('digest.txt');
  });
});

describe('firstInvalidUtf8Offset', () => {
  it.each([
    ['valid ASCII and multi-byte text', [...utf8('aé€😀')], null],
    ['a lone continuation byte', [0x61, 0x80], 1],
    ['an overlong two-byte form', [0x61, 0xc0, 0xaf], 1],
    ['an overlong three-byte form', [0xe0, 0x80, 0xaf], 0],
    ['a UTF-16 surrogate', [0x61, 0x62, 0xed, 0xa0, 0x80], 2],
    ['a code point above U+10FFFF', [0xf4, 0x90, 0x80, 0x80], 0],
    ['a sequence cut off at the end', [0x61, 0xe2, 0x82], 1],
  ])('%s', (_, bytes, offset) => {
    expect(firstInvalidUtf8Offset(new Uint8Array(bytes))).toBe(offset);
  });
});
