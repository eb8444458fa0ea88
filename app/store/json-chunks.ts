/**
 * JSON.stringify's compact text of a value, in pieces of about a megabyte: a library's catalogue is written without
 * ever being one string (150 MB at 100,000 papers, twice that once a name holds a letter outside Latin-1) nor one
 * buffer. The arrays of the top-level object are written an element at a time; the rest as JSON.stringify does.
 */

const CHUNK_LENGTH = 1024 * 1024;

export function* jsonChunks(value: unknown): Generator<string> {
  let pending = '';
  for (const part of jsonParts(value)) {
    pending += part;
    if (pending.length >= CHUNK_LENGTH) {
      yield pending;
      pending = '';
    }
  }
  if (pending !== '') yield pending;
}

function* jsonParts(value: unknown): Generator<string> {
  if (!isPlainObject(value)) {
    yield json(value);
    return;
  }
  yield '{';
  let separator = '';
  for (const [key, field] of Object.entries(value)) {
    if (Array.isArray(field)) {
      yield `${separator}${JSON.stringify(key)}:[`;
      for (let index = 0; index < field.length; index++) yield `${index === 0 ? '' : ','}${json(field[index])}`;
      yield ']';
    } else {
      const text = JSON.stringify(field) as string | undefined;
      if (text === undefined) continue; // as JSON.stringify leaves out undefined and functions
      yield `${separator}${JSON.stringify(key)}:${text}`;
    }
    separator = ',';
  }
  yield '}';
}

/** An array element's text: JSON.stringify writes `null` for what it cannot write. */
function json(value: unknown): string {
  const text = JSON.stringify(value) as string | undefined;
  return text ?? 'null';
}

function isPlainObject(value: unknown): value is Readonly<Record<string, unknown>> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return (prototype === Object.prototype || prototype === null) && !('toJSON' in value);
}
