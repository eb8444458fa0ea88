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
