/** What `tag` and `untag` say of the tags they were given, beside the paper's tags as they are now. Pure. */

import { normalizeTag, sameTag } from '../../core/reading.js';

/** The paper's tag that `tag`, as given, stands for; undefined when it has none. */
export const tagFor = (tags: readonly string[], given: string): string | undefined => {
  const normalized = normalizeTag(given);
  return tags.find((tag) => sameTag(tag, normalized));
};

/**
 * For each tag given to `tag` that the paper holds in another form than the one typed, a line saying so:
 * `tag "Has Space" saved as "Has-Space"` (whitespace becomes hyphens), or `tag "graphs" is already there as
 * "Graphs"` (tags differing only in case are one tag).
 */
export function tagsSavedOtherwise(given: readonly string[], tags: readonly string[]): string[] {
  const lines = given.flatMap((raw) => {
    const saved = tagFor(tags, raw);
    if (saved === undefined || saved === raw) return [];
    return normalizeTag(raw) === raw
      ? [`tag "${raw}" is already there as "${saved}"`]
      : [`tag "${raw}" saved as "${saved}"`];
  });
  return [...new Set(lines)];
}

/** `"a"`, `"a" or "b"`, `"a", "b" or "c"`. */
export function eitherTag(tags: readonly string[]): string {
  const quoted = [...new Set(tags)].map((tag) => `"${tag}"`);
  const last = quoted.pop() ?? '';
  return quoted.length === 0 ? last : `${quoted.join(', ')} or ${last}`;
}
