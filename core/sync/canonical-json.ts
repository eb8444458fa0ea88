/**
 * JSON with every object's keys in code-point order: one text for one value, whatever order it was built in, so that
 * the same set of device files gives the same bytes on every device. Arrays keep their order (it means something).
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortedKeys(value));
}

function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (typeof value !== 'object' || value === null) return value;
  const record = value as Readonly<Record<string, unknown>>;
  const sorted: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const key of Object.keys(record).sort(compareCodePoints)) {
    if (record[key] !== undefined) sorted[key] = sortedKeys(record[key]);
  }
  return sorted;
}

/** Code-point order, not the locale's: the same on every computer. */
export function compareCodePoints(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
