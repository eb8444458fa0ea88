/**
 * Math in a paper's title or abstract as Shelfmark stores it: the author's TeX between `$…$` (inline) or `$$…$$`
 * (display), in text that is otherwise plain Unicode. Importers write it so (core/import/tex.ts); search, export and
 * display read it with the rule here, close to Pandoc's and Obsidian's, so that a price ("$5 and $10") is not taken
 * for math: an opening `$` has no space after it, a closing one has no space before it, and a `$` after a backslash
 * is a dollar sign. Pandoc's closing `$` has no digit after it either; abstracts write "$\sim$50" all the time, so
 * here that holds only for math that begins with a digit ("$5-$10" is two prices). Pure.
 */

export interface MathSpan {
  /** Where its opening `$` is. */
  readonly start: number;
  /** Just past its closing `$`. */
  readonly end: number;
  /** `$$…$$` rather than `$…$`. */
  readonly display: boolean;
}

const isSpace = (character: string | undefined): boolean =>
  character === ' ' || character === '\n' || character === '\t' || character === '\r';

const isDigit = (character: string | undefined): boolean =>
  character !== undefined && character >= '0' && character <= '9';

/** Whether the `$` at `at` is written `\$`: after an odd number of backslashes. */
function escaped(text: string, at: number): boolean {
  let backslashes = 0;
  for (let i = at - 1; i >= 0 && text[i] === '\\'; i--) backslashes++;
  return backslashes % 2 === 1;
}

/** The next `$` at or after `from` that is not escaped, or -1. */
function nextDollar(text: string, from: number): number {
  for (let at = text.indexOf('$', from); at >= 0; at = text.indexOf('$', at + 1)) {
    if (!escaped(text, at)) return at;
  }
  return -1;
}

/**
 * The `$` that closes inline math whose content starts at `from`: no space before it, and no digit after it if the
 * content starts with one; or -1.
 */
function inlineClose(text: string, from: number): number {
  const price = isDigit(text[from]);
  for (let at = nextDollar(text, from); at >= 0; at = nextDollar(text, at + 1)) {
    if (!isSpace(text[at - 1]) && !(price && isDigit(text[at + 1]))) return at;
  }
  return -1;
}

/** The `$$` that closes display math whose content starts at `from`, or -1. */
function displayClose(text: string, from: number): number {
  for (let at = nextDollar(text, from); at >= 0; at = nextDollar(text, at + 1)) {
    if (text[at + 1] === '$') return at;
  }
  return -1;
}

/** The math spans of a text, in order; in time linear in its length. */
export function mathSpans(text: string): MathSpan[] {
  const spans: MathSpan[] = [];
  // Whether a closing delimiter follows does not depend on where the math opened, only on its kind: once one of a
  // kind is not found, a later `$` of that kind is text.
  let displayCloses = true;
  let priceCloses = true;
  let from = 0;
  for (let open = nextDollar(text, from); open >= 0; open = nextDollar(text, from)) {
    const display = text[open + 1] === '$';
    const contentStart = open + (display ? 2 : 1);
    const price = !display && isDigit(text[contentStart]);
    if ((display && !displayCloses) || (price && !priceCloses) || (!display && isSpace(text[contentStart]))) {
      from = contentStart;
      continue;
    }
    const close = display ? displayClose(text, contentStart) : inlineClose(text, contentStart);
    if (close < 0) {
      if (display) displayCloses = false;
      else if (price) priceCloses = false;
      else break;
      from = contentStart;
      continue;
    }
    const end = close + (display ? 2 : 1);
    if (close > contentStart) spans.push({ start: open, end, display });
    from = end;
  }
  return spans;
}

export function hasMath(text: string): boolean {
  return text.includes('$') && mathSpans(text).length > 0;
}

/** Text outside math as it reads: a dollar sign there is written `\$` where the text has math (see core/import/tex.ts). */
export function dollarSigns(text: string): string {
  return text.includes('\\$') ? text.replace(/\\\$/g, '$') : text;
}

/** A text cut into its math and the plain text between, in order; the pieces joined are the text. */
export function mathPieces(text: string): { readonly math: boolean; readonly text: string }[] {
  const pieces: { math: boolean; text: string }[] = [];
  let at = 0;
  for (const span of mathSpans(text)) {
    if (span.start > at) pieces.push({ math: false, text: text.slice(at, span.start) });
    pieces.push({ math: true, text: text.slice(span.start, span.end) });
    at = span.end;
  }
  if (at < text.length) pieces.push({ math: false, text: text.slice(at) });
  return pieces;
}
