/**
 * A Markdown file's YAML front matter, as Obsidian, pandoc and static-site tools read it: a `---` line first, the
 * YAML, then a `---` (or `...`) line; the rest is the body.
 */

import { parseDocument, type Document } from 'yaml';

export type FrontMatter =
  /** No front matter: a file Shelfmark never wrote. */
  | { readonly kind: 'none' }
  /** Front matter that cannot be read; `owner` is what its `shelfmark:` line says, when it has one. */
  | { readonly kind: 'broken'; readonly reason: string; readonly owner: string | null }
  | {
      readonly kind: 'ok';
      /** The front matter's keys and values; no prototype, so a key such as `__proto__` is just a key. */
      readonly data: Readonly<Record<string, unknown>>;
      readonly document: Document;
      /** What follows the front matter, the one blank line after it left out, with `\n` line ends. */
      readonly body: string;
    };

const OPENING = /^\uFEFF?---[ \t]*\r?\n/;
const CLOSING = /^(?:---|\.\.\.)[ \t]*\r?$/m;
const OWNER_LINE = /^shelfmark:[ \t]*(.*?)[ \t]*\r?$/m;

/** What a `shelfmark:` line of front matter says, quotes taken off; null when it has none. */
function ownerLine(yaml: string): string | null {
  const value = OWNER_LINE.exec(yaml)?.[1];
  if (value === undefined) return null;
  const quoted = /^(["'])(.*)\1$/.exec(value);
  return quoted?.[2] ?? value;
}

/** "Map keys must be unique (line 4)": the parser's message without its picture of the text, lines counted in the file. */
function reasonOf(message: string, line: number | undefined): string {
  const first = (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '');
  return line === undefined ? first : `${first} (line ${line + 1})`;
}

export function readFrontMatter(text: string): FrontMatter {
  const opening = OPENING.exec(text);
  if (opening === null) return { kind: 'none' };
  const rest = text.slice(opening[0].length);
  const closing = CLOSING.exec(rest);
  if (closing === null) {
    const owner = ownerLine(rest.slice(0, 4096));
    return owner === null
      ? { kind: 'none' }
      : { kind: 'broken', reason: 'its front matter has no closing "---" line', owner };
  }
  const yaml = rest.slice(0, closing.index);
  const owner = ownerLine(yaml);
  let body = rest.slice(closing.index + closing[0].length).replace(/^\n/, '');
  body = body.replace(/^\r?\n/, '').replace(/\r\n/g, '\n');

  const document = parseDocument(yaml, { uniqueKeys: true, prettyErrors: true });
  const [error] = document.errors;
  if (error !== undefined) return { kind: 'broken', reason: reasonOf(error.message, error.linePos?.[0].line), owner };
  let value: unknown;
  try {
    value = document.toJS({ maxAliasCount: 100 });
  } catch (thrown) {
    return {
      kind: 'broken',
      reason: reasonOf(thrown instanceof Error ? thrown.message : String(thrown), undefined),
      owner,
    };
  }
  if (value !== null && (typeof value !== 'object' || Array.isArray(value))) {
    return { kind: 'broken', reason: 'its front matter is not a list of keys and values', owner };
  }
  const data = Object.assign(Object.create(null) as Record<string, unknown>, value);
  return { kind: 'ok', data, document, body };
}
