/**
 * A field's text cut for showing its math: the plain text between formulas, and each formula's TeX, with the
 * search's matches carried into each piece. Which parts are math is core/math-spans.ts's rule, the one search and
 * export follow. Pure.
 */

import { mathSpans } from '../../core/math-spans.js';
import { normalizeRanges, type Range } from './highlight.js';

interface TextPiece {
  readonly kind: 'text';
  /** As it reads: a dollar sign written `\$` shows as `$`. */
  readonly text: string;
  /** The matches in `text`. */
  readonly ranges: readonly Range[];
}

export interface MathPiece {
  readonly kind: 'math';
  /** The TeX between the delimiters. */
  readonly tex: string;
  /** `$$…$$` rather than `$…$`. */
  readonly display: boolean;
  /** The formula as stored, delimiters included: what shows when it cannot be rendered. */
  readonly source: string;
  /** The matches in `source`: a formula is marked whole when one falls in it. */
  readonly ranges: readonly Range[];
}

export type FieldPiece = TextPiece | MathPiece;

/** The ranges that fall in [start, end), relative to `start`. */
function rangesIn(ranges: readonly Range[], start: number, end: number): Range[] {
  return ranges
    .filter(([from, to]) => to > start && from < end)
    .map(([from, to]): Range => [Math.max(from, start) - start, Math.min(to, end) - start]);
}

/** Text outside math with each `\$` as `$`, its ranges moved to match. */
function textPiece(text: string, ranges: readonly Range[]): TextPiece {
  if (!text.includes('\\$')) return { kind: 'text', text, ranges };
  // Where each offset of `text` lands once every `\$` before it has lost its backslash.
  const shift: number[] = [];
  let out = '';
  for (let at = 0; at < text.length; at++) {
    shift.push(out.length);
    if (text[at] === '\\' && text[at + 1] === '$') continue;
    out += text.charAt(at);
  }
  shift.push(out.length);
  const moved = ranges
    .map(([from, to]): Range => [shift[from] ?? out.length, shift[to] ?? out.length])
    .filter(([from, to]) => to > from);
  return { kind: 'text', text: out, ranges: moved };
}

/**
 * The pieces of `text`, in order. A text without `$` is one text piece, found without looking further: most
 * titles and abstracts have no math, and the list draws them on every keystroke of a search.
 */
export function fieldPieces(text: string, ranges?: readonly Range[]): FieldPiece[] {
  const matches = ranges === undefined || ranges.length === 0 ? [] : normalizeRanges(ranges, text.length);
  if (!text.includes('$')) return [{ kind: 'text', text, ranges: matches }];
  const pieces: FieldPiece[] = [];
  let at = 0;
  for (const span of mathSpans(text)) {
    if (span.start > at) pieces.push(textPiece(text.slice(at, span.start), rangesIn(matches, at, span.start)));
    const delimiter = span.display ? 2 : 1;
    pieces.push({
      kind: 'math',
      tex: text.slice(span.start + delimiter, span.end - delimiter),
      display: span.display,
      source: text.slice(span.start, span.end),
      ranges: rangesIn(matches, span.start, span.end),
    });
    at = span.end;
  }
  if (at < text.length || pieces.length === 0)
    pieces.push(textPiece(text.slice(at), rangesIn(matches, at, text.length)));
  return pieces;
}
