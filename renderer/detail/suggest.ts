/** Tag autocomplete: existing tags that start with (then contain) what was typed, most used first. Pure. */

import type { TagCount } from '../../core/query.js';

export function suggestTags(
  typed: string,
  allTags: readonly TagCount[],
  exclude: readonly string[],
  limit: number,
): TagCount[] {
  const needle = typed.trim().replace(/\s+/g, '-').toLocaleLowerCase();
  const excluded = new Set(exclude.map((tag) => tag.toLocaleLowerCase()));
  const candidates = allTags.filter((tag) => !excluded.has(tag.tag.toLocaleLowerCase()));
  if (needle === '') return candidates.slice(0, limit);
  const starts: TagCount[] = [];
  const contains: TagCount[] = [];
  for (const tag of candidates) {
    const name = tag.tag.toLocaleLowerCase();
    if (name === needle) starts.unshift(tag);
    else if (name.startsWith(needle) || name.split(/[-_/]/).some((part) => part.startsWith(needle))) starts.push(tag);
    else if (name.includes(needle)) contains.push(tag);
  }
  return [...starts, ...contains].slice(0, limit);
}
