/** Whitespace in digest text: line endings, runs of spaces, paragraphs. Pure. */

export function normalizeLineEndings(text: string): string {
  const withoutBom = text.startsWith('\uFEFF') ? text.slice(1) : text;
  return withoutBom.includes('\r') ? withoutBom.replace(/\r\n?/g, '\n') : withoutBom;
}

/** Runs of any whitespace (line breaks included) become one space; the ends are trimmed. */
export function collapseWhitespace(text: string): string {
  // Most text has single spaces only: testing is much cheaper than replacing, on an import's megabytes. Two tests,
  // each of which V8 runs as one quick search, rather than one pattern of two alternatives tried at every character.
  return NOT_A_SPACE.test(text) || text.includes('  ') ? text.replace(/\s+/g, ' ').trim() : text.trim();
}

/** Any whitespace but a plain space. */
const NOT_A_SPACE = /[^\S ]/;

/** Paragraphs (separated by blank lines) with their inner whitespace collapsed, joined by a blank line. */
export function joinParagraphs(paragraphs: readonly string[]): string {
  return paragraphs
    .map(collapseWhitespace)
    .filter((paragraph) => paragraph !== '')
    .join('\n\n');
}

export function splitParagraphs(text: string): readonly string[] {
  // Most abstracts of a bibliography are one line: no blank line to look for.
  return text.includes('\n') ? text.split(/\n[ \t]*\n/) : [text];
}

/** Whether the UTF-16 code unit is one that `\s` matches: without a regular expression, for loops over text. */
export function isWhitespaceCode(code: number): boolean {
  if (code < 0x80) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}
