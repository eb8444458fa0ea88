import { describe, expect, it } from 'vitest';
import { ApiCodecError, decodeApiValue, decodeBase64, encodeApiValue, encodeBase64 } from './api-codec.js';

function roundTrip(value: unknown): unknown {
  return decodeApiValue(encodeApiValue(value));
}

function patternedBytes(length: number): Uint8Array {
  return Uint8Array.from({ length }, (_, index) => (index * 7919 + (index >> 8)) & 255);
}

describe('encodeApiValue / decodeApiValue', () => {
  it('round-trips plain JSON values unchanged', () => {
    const value = { a: 1, b: 'two', c: [true, null, { d: 'é ✓ 𝄞' }], e: {}, f: [] };
    expect(roundTrip(value)).toEqual(value);
    expect(encodeApiValue(value)).toBe(JSON.stringify(value));
  });

  it('carries Uint8Array as {"$bytes": base64}', () => {
    const bytes = new Uint8Array([0, 1, 2, 253, 254, 255]);
    expect(encodeApiValue(bytes)).toBe(JSON.stringify({ $bytes: 'AAEC/f7/' }));
    const back = roundTrip(bytes);
    expect(back).toBeInstanceOf(Uint8Array);
    expect(back).toEqual(bytes);
  });

  it('round-trips bytes nested in arrays and objects, e.g. importFiles arguments', () => {
    const args = {
      args: [
        [
          { name: 'a.bib', bytes: new TextEncoder().encode('@article{x, title={X}}') },
          { name: 'empty.txt', bytes: new Uint8Array(0) },
        ],
      ],
      deeper: [[[{ inner: patternedBytes(10) }]]],
    };
    const back = roundTrip(args);
    expect(back).toEqual(args);
    const [files] = (back as typeof args).args;
    expect(files?.[0]?.bytes).toBeInstanceOf(Uint8Array);
    expect(files?.[1]?.bytes).toBeInstanceOf(Uint8Array);
  });

  it('round-trips more than 1 MB of bytes, every length remainder', () => {
    for (const length of [3 * 1024 * 1024, 1024 * 1024 + 1, 1024 * 1024 + 2]) {
      const bytes = patternedBytes(length);
      const back = roundTrip({ bytes }) as { bytes: Uint8Array };
      expect(back.bytes.length).toBe(length);
      expect(Buffer.compare(Buffer.from(back.bytes), Buffer.from(bytes))).toBe(0);
    }
  });

  it('reads a Buffer as bytes, and gives back a plain Uint8Array', () => {
    const back = roundTrip(Buffer.from('hello'));
    expect(back).toBeInstanceOf(Uint8Array);
    expect(Buffer.isBuffer(back)).toBe(false);
    expect(new TextDecoder().decode(back as Uint8Array)).toBe('hello');
  });

  it('never reads a plain object with a lone "$" key back as bytes', () => {
    const values = [
      { $bytes: 'AAEC' },
      { $object: { a: 1 } },
      { $other: 1 },
      [{ $bytes: 'x' }],
      { $bytes: 'AA', b: 1 },
    ];
    for (const value of values) expect(roundTrip(value)).toEqual(value);
  });

  it('keeps a "__proto__" key as data', () => {
    const decoded = decodeApiValue('{"__proto__":{"polluted":true},"bytes":{"$bytes":"AA=="}}') as Record<
      string,
      unknown
    >;
    expect(Object.getPrototypeOf(decoded)).toBe(Object.prototype);
    expect(Object.hasOwn(decoded, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('leaves values it has nothing to do for as they are', () => {
    const value = { papers: [{ id: 'a', tags: ['x'] }] };
    const decoded = decodeApiValue(JSON.stringify(value));
    expect(decoded).toEqual(value);
  });

  it('refuses malformed tagged values', () => {
    expect(() => decodeApiValue('{"$bytes":12}')).toThrow(ApiCodecError);
    expect(() => decodeApiValue('{"$bytes":"AAE"}')).toThrow(ApiCodecError);
    expect(() => decodeApiValue('{"$bytes":"AA E"}')).toThrow(ApiCodecError);
    expect(() => decodeApiValue('{"$bytes":"AA=A"}')).toThrow(ApiCodecError);
    expect(() => decodeApiValue('{"$bytes":"ÄÄÄÄ"}')).toThrow(ApiCodecError);
    expect(() => decodeApiValue('{"$object":[1]}')).toThrow(ApiCodecError);
    expect(() => decodeApiValue('not json')).toThrow(SyntaxError);
  });

  it('refuses binary views other than Uint8Array rather than sending them mangled', () => {
    expect(() => encodeApiValue({ data: new Uint16Array(2) })).toThrow(TypeError);
  });
});

describe('base64', () => {
  it('matches Buffer for every small length', () => {
    for (let length = 0; length < 64; length++) {
      const bytes = patternedBytes(length);
      const text = encodeBase64(bytes);
      expect(text).toBe(Buffer.from(bytes).toString('base64'));
      expect(decodeBase64(text)).toEqual(bytes);
    }
  });
});
