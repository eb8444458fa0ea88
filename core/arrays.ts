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

/** `first` with the items of `second` it lacks after it; `first` itself when it lacks none. */
export function union<T>(first: readonly T[], second: readonly T[]): readonly T[] {
  if (second.length === 0) return first;
  const seen = new Set(first);
  const extra = second.filter((item) => !seen.has(item));
  return extra.length === 0 ? first : [...first, ...extra];
}

/** Appends `items` to `target` one by one: `push(...items)` passes each as an argument, and a long list overflows the stack. */
export function pushAll<T>(target: T[], items: Iterable<T>): void {
  for (const item of items) target.push(item);
}
