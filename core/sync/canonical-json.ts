/**
 * JSON with every object's keys in code-point order: one text for one value, whatever order it was built in, so that
 * the same set of device files gives the same bytes on every device. Arrays keep their order (it means something).
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(inCanonicalOrder(value));
}

/**
 * `value` with every object's keys in code-point order: itself where they are already (as a catalogue read back
 * from a canonical file has them, and most of what is written again), else a copy of what is not. JSON.stringify
 * then writes the keys in that order (integer-like keys first, as it writes every object's), and leaves out what
 * it leaves out of any object (undefined, functions).
 */
function inCanonicalOrder(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    let copy: unknown[] | null = null;
    for (let index = 0; index < value.length; index++) {
      const element: unknown = value[index];
      // Texts and numbers, most of what a catalogue's arrays hold, are in order as they are: no call for each.
      if (typeof element !== 'object' || element === null) continue;
      const ordered = inCanonicalOrder(element);
      if (ordered !== element) (copy ??= value.slice())[index] = ordered;
    }
    return copy ?? value;
  }
  const record = value as Readonly<Record<string, unknown>>;
  const keys = Object.keys(record);
  let sorted = isPlainObject(record);
  for (let index = 1; sorted && index < keys.length; index++) sorted = (keys[index - 1] ?? '') < (keys[index] ?? '');
  if (sorted) {
    let copy: Record<string, unknown> | null = null;
    for (const key of keys) {
      const field = record[key];
      if (typeof field !== 'object' || field === null) continue;
      const ordered = inCanonicalOrder(field);
      if (ordered !== field) (copy ??= ownCopy(record, keys))[key] = ordered;
    }
    return copy ?? record;
  }
  const ordered: Record<string, unknown> = {};
  for (const key of keys.sort(compareCodePoints)) {
    if (record[key] !== undefined) defineField(ordered, key, inCanonicalOrder(record[key]));
  }
  return ordered;
}

/** An object JSON.stringify writes by its own keys: not one with a prototype of its own (a Date, a class's). */
function isPlainObject(value: object): boolean {
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

function ownCopy(record: Readonly<Record<string, unknown>>, keys: readonly string[]): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  for (const key of keys) defineField(copy, key, record[key]);
  return copy;
}

/** Sets a field, `__proto__` too (which assigning would take for the prototype). */
function defineField(object: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__')
    Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
  else object[key] = value;
}

/** Code-point order, not the locale's: the same on every computer. */
export function compareCodePoints(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
