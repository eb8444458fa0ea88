/**
 * Git's conflict markers in a text file (a merge that touched the same lines on both sides): the markers found, and
 * each side's version of the text rebuilt. Pure.
 */

const OURS = /^<{7}(?: |$)/;
const BASE = /^\|{7}(?: |$)/;
const SPLIT = /^={7}$/;
const THEIRS = /^>{7}(?: |$)/;

/** Whether the line is one of git's conflict markers. */
export function isConflictMarker(line: string): boolean {
  return OURS.test(line) || BASE.test(line) || SPLIT.test(line) || THEIRS.test(line);
}

/**
 * The versions a conflicted text holds: ours, theirs, and the common base where git wrote it (diff3), each with the
 * lines outside the conflicts; null when the text has no conflict. A conflict left open at the end closes there.
 */
export function conflictSides(text: string): readonly string[] | null {
  const lines = text.split('\n');
  if (!lines.some((line) => OURS.test(line.replace(/\r$/, '')))) return null;
  const sides: Record<'ours' | 'base' | 'theirs', string[]> = { ours: [], base: [], theirs: [] };
  let within: keyof typeof sides | null = null;
  let hasBase = false;
  for (const raw of lines) {
    const line = raw.replace(/\r$/, '');
    if (OURS.test(line)) within = 'ours';
    else if (BASE.test(line) && within === 'ours') [within, hasBase] = ['base', true];
    else if (SPLIT.test(line) && within !== null) within = 'theirs';
    else if (THEIRS.test(line) && within === 'theirs') within = null;
    else if (within === null) for (const side of Object.values(sides)) side.push(raw);
    else sides[within].push(raw);
  }
  const versions = [sides.ours.join('\n'), sides.theirs.join('\n')];
  if (hasBase) versions.push(sides.base.join('\n'));
  return [...new Set(versions)];
}
