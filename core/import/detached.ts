/**
 * A copy of a string that shares no memory with the text it was cut from. V8 keeps a substring of 13 characters or
 * more as a view of the whole string: an abstract sliced from a 20 MB file keeps the whole file in memory for as
 * long as the paper lives, and an import of eight such files keeps all eight. Pure.
 */

/** Below this length V8 copies a substring anyway. */
const SHORTEST_VIEW = 13;

export function detached(text: string): string {
  // Joining two parts makes V8 copy them into one new flat string: nothing of the string `text` was cut from, and
  // no view kept besides (as slicing a concatenation would leave, over a copy of one character more), which a
  // large import keeps hundreds of thousands of.
  return text.length < SHORTEST_VIEW ? text : [text.slice(0, 1), text.slice(1)].join('');
}

/**
 * Lets go of the text the last regular expression was matched against. JavaScript keeps it (as `RegExp.input`) until
 * the next match, however large it is: after parsing a file, a slice of the file's text, and through it the whole.
 */
export function forgetLastMatch(): void {
  NOTHING.test('');
}

const NOTHING = /^/;
