/**
 * Whether two values have one canonical text (canonical-json.ts), found without making either: an import read twice
 * (from the library's folder and from the device's journal, or a sync tool's copy of it) is the same import, and
 * comparing them so costs no text of 150 MB. True only when they do; false may also mean "not sure". Pure.
 */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let index = 0; index < a.length; index++) if (!sameJson(a[index], b[index])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const [one, other] = [a as Readonly<Record<string, unknown>>, b as Readonly<Record<string, unknown>>];
  let fields = 0;
  for (const key of Object.keys(one)) {
    const value = one[key];
    if (value === undefined) continue;
    fields += 1;
    if (!Object.hasOwn(other, key) || !sameJson(value, other[key])) return false;
  }
  for (const key of Object.keys(other)) if (other[key] !== undefined) fields -= 1;
  return fields === 0;
}
