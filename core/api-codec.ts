/**
 * JSON for API calls and answers over HTTP, carrying Uint8Array bytes that plain JSON would turn into
 * `{"0":…,"1":…}`. On the wire, bytes are `{"$bytes":"<base64>"}`; a plain object whose only key starts
 * with "$" travels wrapped as `{"$object":{…}}`, so nothing the API sends is ever read back as bytes.
 * Pure (no Buffer): the renderer in a browser and the server in Node share it.
 */

const BYTES_TAG = '$bytes';
const OBJECT_TAG = '$object';

/** The text is JSON, but not what `encodeApiValue` writes. */
export class ApiCodecError extends Error {
  override readonly name = 'ApiCodecError';
}

export function encodeApiValue(value: unknown): string {
  return JSON.stringify(toWire(value));
}

/** Throws SyntaxError when `text` is not JSON, ApiCodecError when its tagged values are malformed. */
export function decodeApiValue(text: string): unknown {
  const value: unknown = JSON.parse(text);
  // A tag is a key written in the text: without one there is nothing to convert, and a library's worth of
  // papers is not walked again (a tag that appears only inside a string just takes the long way).
  return text.includes(`"${BYTES_TAG}"`) || text.includes(`"${OBJECT_TAG}"`) ? fromWire(value) : value;
}

type JsonObject = Readonly<Record<string, unknown>>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null;
}

/** The object's key when it has exactly one, else undefined. */
function soleKey(value: JsonObject): string | undefined {
  let found: string | undefined;
  let count = 0;
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue;
    if (++count > 1) return undefined;
    found = key;
  }
  return found;
}

/** `items` with `convert` applied; the same array when nothing changed. */
function mapArray(items: readonly unknown[], convert: (item: unknown) => unknown): readonly unknown[] {
  let copy: unknown[] | undefined;
  for (let index = 0; index < items.length; index++) {
    const item = items[index];
    const converted = convert(item);
    if (converted !== item && copy === undefined) copy = items.slice(0, index);
    copy?.push(converted);
  }
  return copy ?? items;
}

/**
 * `object` with `convert` applied to each value; the same object when nothing changed, which is the common case
 * (a library's worth of papers holds nothing to convert), so nothing is copied until something changes.
 */
function mapObject(object: JsonObject, convert: (item: unknown) => unknown): JsonObject {
  let entries: [string, unknown][] | undefined;
  let seen = 0;
  for (const key in object) {
    if (!Object.hasOwn(object, key)) continue;
    const item = object[key];
    const converted = convert(item);
    if (converted !== item && entries === undefined) entries = Object.entries(object).slice(0, seen);
    entries?.push([key, converted]);
    seen++;
  }
  // fromEntries defines own properties, so a "__proto__" key stays a plain key.
  return entries === undefined ? object : Object.fromEntries(entries);
}

function toWire(value: unknown): unknown {
  if (value instanceof Uint8Array) return { [BYTES_TAG]: encodeBase64(value) };
  if (ArrayBuffer.isView(value)) throw new TypeError('The API codec carries Uint8Array, not other binary views.');
  if (Array.isArray(value)) return mapArray(value, toWire);
  if (!isObject(value) || typeof value['toJSON'] === 'function') return value;
  const converted = mapObject(value, toWire);
  return soleKey(converted)?.startsWith('$') === true ? { [OBJECT_TAG]: converted } : converted;
}

function fromWire(value: unknown): unknown {
  if (Array.isArray(value)) return mapArray(value, fromWire);
  if (!isObject(value)) return value;
  const tag = soleKey(value);
  if (tag === BYTES_TAG) {
    const text = value[BYTES_TAG];
    if (typeof text !== 'string') throw new ApiCodecError(`"${BYTES_TAG}" must be a base64 string.`);
    return decodeBase64(text);
  }
  if (tag === OBJECT_TAG) {
    const inner = value[OBJECT_TAG];
    if (!isObject(inner) || Array.isArray(inner)) throw new ApiCodecError(`"${OBJECT_TAG}" must hold an object.`);
    return mapObject(inner, fromWire);
  }
  return mapObject(value, fromWire);
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const PAD = '='.charCodeAt(0);
const ENCODE = Uint8Array.from(ALPHABET, (char) => char.charCodeAt(0));
/** Character code → its 6 bits, or -1 when it is not in the alphabet. */
const DECODE = (() => {
  const table = new Int16Array(256).fill(-1);
  ENCODE.forEach((code, bits) => (table[code] = bits));
  return table;
})();

/** Standard base64 (RFC 4648, with padding), as `btoa` and Buffer read it. */
export function encodeBase64(bytes: Uint8Array): string {
  const out = new Uint8Array(Math.ceil(bytes.length / 3) * 4);
  const whole = bytes.length - (bytes.length % 3);
  let o = 0;
  for (let i = 0; i < whole; i += 3) {
    const triple = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out[o++] = ENCODE[triple >>> 18] ?? 0;
    out[o++] = ENCODE[(triple >>> 12) & 63] ?? 0;
    out[o++] = ENCODE[(triple >>> 6) & 63] ?? 0;
    out[o++] = ENCODE[triple & 63] ?? 0;
  }
  const rest = bytes.length - whole;
  if (rest > 0) {
    const triple = ((bytes[whole] ?? 0) << 16) | (rest === 2 ? (bytes[whole + 1] ?? 0) << 8 : 0);
    out[o] = ENCODE[triple >>> 18] ?? 0;
    out[o + 1] = ENCODE[(triple >>> 12) & 63] ?? 0;
    out[o + 2] = rest === 2 ? (ENCODE[(triple >>> 6) & 63] ?? 0) : PAD;
    out[o + 3] = PAD;
  }
  return new TextDecoder().decode(out);
}

/** Reads standard padded base64; throws ApiCodecError on anything else (whitespace included). */
export function decodeBase64(text: string): Uint8Array {
  if (text.length % 4 !== 0) throw new ApiCodecError('The bytes are not valid base64 (wrong length).');
  const codes = new TextEncoder().encode(text);
  if (codes.length !== text.length) throw new ApiCodecError('The bytes are not valid base64 (non-ASCII text).');
  const padding =
    codes.length === 0 ? 0 : codes[codes.length - 1] !== PAD ? 0 : codes[codes.length - 2] !== PAD ? 1 : 2;
  const bytes = new Uint8Array((codes.length / 4) * 3 - padding);
  let o = 0;
  for (let i = 0; i < codes.length; i += 4) {
    const last = i + 4 === codes.length;
    const a = DECODE[codes[i] ?? 0] ?? -1;
    const b = DECODE[codes[i + 1] ?? 0] ?? -1;
    const c = last && padding === 2 ? 0 : (DECODE[codes[i + 2] ?? 0] ?? -1);
    const d = last && padding >= 1 ? 0 : (DECODE[codes[i + 3] ?? 0] ?? -1);
    if ((a | b | c | d) < 0) throw new ApiCodecError(`The bytes are not valid base64 (bad character near ${i}).`);
    const triple = (a << 18) | (b << 12) | (c << 6) | d;
    bytes[o++] = triple >>> 16;
    if (o < bytes.length) bytes[o++] = (triple >>> 8) & 255;
    if (o < bytes.length) bytes[o++] = triple & 255;
  }
  return bytes;
}
