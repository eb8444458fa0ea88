/**
 * Keeping a field's bidirectional text to itself. A digest's title can hold the overrides and isolates U+202A–202E
 * and U+2066–2069, which reorder the text after them: `abc\u202Etxt.exe\u202C end` shows as "abc exe.txt end", and
 * unterminated, as "abc endexe.txt" with the text around it pulled in. The app shows each field in an isolating
 * element (kit/FieldText.tsx, a <bdi>), and a field quoted inside a sentence between FSI and PDI (isolated). Pure.
 */

const FIRST_STRONG_ISOLATE = '\u2068';
const POP_DIRECTIONAL_ISOLATE = '\u2069';
const WORD_JOINER = '\u2060';

/** LRI, RLI, FSI: each is closed by a PDI. */
const ISOLATE_INITIATOR = /[\u2066-\u2068]/;
/**
 * Characters of the bidi class B (paragraph separator) but the line feed, which HTML lays out as a space or a
 * line break: each ends every isolate open, the element's own included.
 */
// eslint-disable-next-line no-control-regex -- U+001C–001E are paragraph separators to the bidi algorithm
const PARAGRAPH_SEPARATOR = /[\r\u001c-\u001e\u0085\u2029]/;
const PARAGRAPH_SEPARATORS = new RegExp(PARAGRAPH_SEPARATOR.source, 'g');
const NEEDS_BALANCING = new RegExp(`[\\u2066-\\u2069]|${PARAGRAPH_SEPARATOR.source}`);
/** The overrides and embeddings, the isolates, and the paragraph separators. */
const BIDI_FORMATTING = new RegExp(`[\\u202a-\\u202e]|${NEEDS_BALANCING.source}`);

/**
 * `text` as an isolating element or an FSI … PDI pair can hold it: Chromium's isolation is the FSI and PDI the
 * Unicode algorithm has, so a PDI in the text with no isolate of its own to close would close the element's (it
 * becomes a word joiner, as invisible), an isolate left open would take the PDI meant for the element (each gets
 * its PDI at the end), and a paragraph separator would end them all (it becomes a space). Everything else, the
 * overrides included, stays: they still reorder the field's own text, as its author wrote it. Characters keep
 * their places, so that search highlights still fit; only closing PDIs are added, at the end.
 */
export function isolatable(text: string): string {
  if (!NEEDS_BALANCING.test(text)) return text;
  let open = 0;
  let balanced = '';
  for (const ch of text.replace(PARAGRAPH_SEPARATORS, ' ')) {
    if (ISOLATE_INITIATOR.test(ch)) open += 1;
    else if (ch === POP_DIRECTIONAL_ISOLATE) {
      if (open === 0) {
        balanced += WORD_JOINER;
        continue;
      }
      open -= 1;
    }
    balanced += ch;
  }
  return balanced + POP_DIRECTIONAL_ISOLATE.repeat(open);
}

/**
 * A field quoted in a sentence (a toast, a tooltip): between FSI and PDI when it holds bidi formatting characters,
 * so that they cannot reorder the words around it; as it is otherwise.
 */
export function isolated(text: string): string {
  return BIDI_FORMATTING.test(text) ? `${FIRST_STRONG_ISOLATE}${isolatable(text)}${POP_DIRECTIONAL_ISOLATE}` : text;
}
