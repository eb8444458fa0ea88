/** Markdown and YAML text helpers for the exporters. */

import { dollarSigns, mathPieces } from '../math-spans.js';

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const ATX_HEADING = /^( {0,3})(#{1,6})(?=[ \t]|$)/;
const SETEXT_UNDERLINE = /^ {0,3}(=+|-+)[ \t]*$/;
const THEMATIC_BREAK = /^ {0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$/;

/**
 * A note's headings moved `levels` deeper, so that inside an exported document the note's outline sits under
 * the paper's heading. ATX (`# x`) and setext (`x` over `===`) headings both; fenced code is left alone.
 * Headings that would pass level 6 stay at 6.
 */
export function demoteHeadings(markdown: string, levels: number): string {
  const lines = markdown.split('\n');
  const out: string[] = [];
  let fence: string | null = null;
  let paragraph = false;
  for (const line of lines) {
    const fenceMatch = FENCE.exec(line);
    if (fence !== null) {
      if (fenceMatch?.[1] !== undefined && fenceMatch[1][0] === fence[0] && fenceMatch[1].length >= fence.length) {
        fence = null;
      }
      out.push(line);
      continue;
    }
    if (fenceMatch?.[1] !== undefined) {
      fence = fenceMatch[1];
      paragraph = false;
      out.push(line);
      continue;
    }
    const atx = ATX_HEADING.exec(line);
    if (atx?.[2] !== undefined) {
      const depth = Math.min(6, atx[2].length + levels);
      out.push(`${atx[1] ?? ''}${'#'.repeat(depth)}${line.slice(atx[0].length)}`);
      paragraph = false;
      continue;
    }
    const underline = SETEXT_UNDERLINE.exec(line);
    const previous = out[out.length - 1];
    if (paragraph && underline?.[1] !== undefined && previous !== undefined) {
      const depth = Math.min(6, (underline[1].startsWith('=') ? 1 : 2) + levels);
      out[out.length - 1] = `${'#'.repeat(depth)} ${previous.trim()}`;
      paragraph = false;
      continue;
    }
    paragraph = line.trim() !== '' && !THEMATIC_BREAK.test(line);
    out.push(line);
  }
  return out.join('\n');
}

/** A YAML scalar that every YAML parser reads back as exactly this string (JSON strings are YAML). */
function yamlString(value: string): string {
  return JSON.stringify(
    value.replace(/[\uD800-\uDFFF]/g, (char, offset: number, text: string) => {
      const code = char.charCodeAt(0);
      const next = text.charCodeAt(offset + 1);
      const previous = text.charCodeAt(offset - 1);
      const paired =
        (code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) ||
        (code >= 0xdc00 && previous >= 0xd800 && previous <= 0xdbff);
      return paired ? char : '\uFFFD';
    }),
  );
}

function yamlList(values: readonly string[]): string {
  return values.length === 0 ? ' []' : values.map((value) => `\n  - ${yamlString(value)}`).join('');
}

/** A front-matter value: one line of text, none, or a list of lines. */
export type FrontMatterValue = string | null | readonly string[];

/** YAML front matter between `---` lines, a key a line in the order given; every value read back as written. */
export function yamlFrontMatter(entries: readonly (readonly [key: string, value: FrontMatterValue])[]): string {
  const lines = entries.map(([key, value]) => {
    if (value === null) return `${key}: null`;
    return typeof value === 'string' ? `${key}: ${yamlString(value)}` : `${key}:${yamlList(value)}`;
  });
  return ['---', ...lines, '---'].join('\n');
}

/**
 * Text that Markdown shows as written, for one-line fields like titles and author lists; its math stays `$…$`, as
 * written, for Obsidian (and any Markdown with math) to render. Escaped in it, a `\` or `_` would be TeX's.
 */
export function escapeInlineMarkdown(text: string): string {
  if (!text.includes('$')) return escapeMarkdownCharacters(text);
  return mathPieces(text)
    .map((piece) => (piece.math ? piece.text : escapeMarkdownCharacters(dollarSigns(piece.text))))
    .join('');
}

function escapeMarkdownCharacters(text: string): string {
  return text.replace(/[\\`*_{}[\]<>#|!~$]/g, '\\$&');
}
