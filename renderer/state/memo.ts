/** Memoisation by argument identity, remembering the last few calls. */

export function memoize<Args extends readonly unknown[], Result>(
  compute: (...args: Args) => Result,
  size = 4,
): (...args: Args) => Result {
  const cache: { args: Args; result: Result }[] = [];
  return (...args: Args): Result => {
    const hit = cache.find(
      (entry) => entry.args.length === args.length && entry.args.every((arg, i) => arg === args[i]),
    );
    if (hit !== undefined) return hit.result;
    const result = compute(...args);
    cache.unshift({ args, result });
    if (cache.length > size) cache.pop();
    return result;
  };
}
