/**
 * Text a terminal can be given safely: the one rule for what the command line prints and for the messages the
 * importers write, which quote the files' own text. Every character that could drive, restyle or reorder a
 * terminal is shown as an escape (`\x1b`, `\u202e`) instead. Pure.
 */

/**
 * What must not reach a terminal as it is: control characters (C0 and C1: escape sequences start with them),
 * format characters (the bidi overrides and isolates U+202A–202E and U+2066–2069 among them, which reorder the
 * text around them), and the line and paragraph separators U+2028 and U+2029.
 */
const UNSAFE_CHARACTER = String.raw`[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]`;
const UNSAFE = new RegExp(UNSAFE_CHARACTER, 'gu');
const HAS_UNSAFE = new RegExp(UNSAFE_CHARACTER, 'u');
/** In JSON.stringify's output, a raw line break is layout: it escapes every control character inside a string. */
const UNSAFE_IN_JSON = new RegExp(String.raw`(?!\n)${UNSAFE_CHARACTER}`, 'gu');

/** How many characters of the file's own text a message quotes. */
const MAX_QUOTED_LENGTH = 60;

/**
 * A character shown as an escape, visible and harmless: `\x1b` for ESC, `\u202e` for RIGHT-TO-LEFT OVERRIDE,
 * `\u{e0001}` for LANGUAGE TAG.
 */
function escapeCharacter(ch: string): string {
  const code = ch.codePointAt(0) ?? 0;
  const hex = code.toString(16);
  if (code < 0x100) return `\\x${hex.padStart(2, '0')}`;
  return code <= 0xffff ? `\\u${hex.padStart(4, '0')}` : `\\u{${hex}}`;
}

/** One line: every unsafe character, line breaks and tabs included, shown as an escape. */
export function terminalLine(text: string): string {
  return text.replace(UNSAFE, escapeCharacter);
}

/** Text of many lines (a note, an abstract): line breaks (CRLF as LF) and tabs stay, every other unsafe character is escaped. */
export function terminalText(text: string): string {
  return text.replace(/\r\n/g, '\n').replace(UNSAFE, (ch) => (ch === '\n' || ch === '\t' ? ch : escapeCharacter(ch)));
}

/**
 * The file's own text (an entry key, a paper id) as a message may quote it: at most `max` characters
 * ("…" for the rest), and every unsafe character shown as an escape, so that the message stays one line
 * that cannot reorder or restyle the text around it.
 */
export function quoteForMessage(text: string, max = MAX_QUOTED_LENGTH): string {
  if (text.length <= max && !HAS_UNSAFE.test(text)) return text;
  const characters = Array.from(text.slice(0, 2 * max + 2));
  const shown = characters.length > max || text.length > 2 * max + 2 ? `${characters.slice(0, max).join('')}…` : text;
  return terminalLine(shown);
}

/**
 * `value` as JSON that parses back to the same value, indented by `indent` spaces (0: on one line), with every
 * unsafe character written as a `\uXXXX` escape (JSON.stringify writes C1 controls, format characters and
 * U+2028/2029 as they are), so that printing it as it is cannot drive a terminal either.
 */
export function terminalJson(value: unknown, indent = 2): string {
  // JSON.stringify gives undefined for undefined (a command that found nothing), whatever its type says.
  const json = JSON.stringify(value, null, indent) as string | undefined;
  return json === undefined ? String(json) : json.replace(UNSAFE_IN_JSON, jsonEscape);
}

/** `\u202e`; a character beyond U+FFFF as its two UTF-16 halves, as JSON writes it. */
function jsonEscape(ch: string): string {
  let escaped = '';
  for (let index = 0; index < ch.length; index++) escaped += `\\u${ch.charCodeAt(index).toString(16).padStart(4, '0')}`;
  return escaped;
}
