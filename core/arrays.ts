/** Small helpers over arrays. Pure. */

/** The same items in the same order (compared with ===). */
export function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a.length !== b.length) return false;
  for (let index = 0; index < a.length; index++) if (a[index] !== b[index]) return false;
  return true;
}

/** The items without repeats, each where it first stands. */
export function uniqueInOrder<T>(items: readonly T[]): readonly T[] {
  return [...new Set(items)];
}
