/**
 * Tags as Obsidian reads them from front matter: no `#`, no spaces, only letters, digits, `_`, `-` and `/` (for
 * nesting), and not digits alone. Shelfmark's tags may hold more (`c++`, `q&a`), so a file shows each tag in a form
 * Obsidian takes, and a tag read back from a file is known by that form.
 */

const NOT_IN_A_TAG = /[^\p{L}\p{M}\p{N}_\-/]+/gu;

export function obsidianTag(tag: string): string {
  const text = tag.replace(/^#+/, '').replace(NOT_IN_A_TAG, '-');
  if (text === '') return '_';
  return /^\p{N}+$/u.test(text) ? `_${text}` : text;
}

/** What makes two tags one to Obsidian: the same form, whatever the case. */
export function tagKey(tag: string): string {
  return obsidianTag(tag).toLowerCase();
}

/** The paper's tags as a file shows them: in Obsidian's form, each once. */
export function obsidianTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const shown: string[] = [];
  for (const tag of tags) {
    const key = tagKey(tag);
    if (seen.has(key)) continue;
    seen.add(key);
    shown.push(obsidianTag(tag));
  }
  return shown;
}
