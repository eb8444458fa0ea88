/** A synced library's notes written on two computers at once, as the state keeps them. Pure. */

import type { NoteVersion, PaperNoteConflicts } from '../../core/api.js';

type ConflictMap = ReadonlyMap<string, readonly NoteVersion[]>;

function sameVersions(a: readonly NoteVersion[], b: readonly NoteVersion[]): boolean {
  return (
    a.length === b.length &&
    a.every((version, index) => {
      const other = b[index];
      return (
        other !== undefined &&
        version.text === other.text &&
        version.deviceId === other.deviceId &&
        version.at === other.at
      );
    })
  );
}

/** The outline's conflicts by paper id; `previous` itself when they are the same, so that nothing redraws. */
export function noteConflictsOf(previous: ConflictMap, listed: readonly PaperNoteConflicts[] = []): ConflictMap {
  const next = new Map(listed.map((paper) => [paper.id, paper.versions] as const));
  if (next.size !== previous.size) return next;
  for (const [id, versions] of next) {
    const before = previous.get(id);
    if (before === undefined || !sameVersions(before, versions)) return next;
  }
  return previous;
}

/** `previous` with one paper's conflicts as a change's answer gave them (none: it has none now). */
export function withPaperConflicts(
  previous: ConflictMap,
  id: string,
  versions: readonly NoteVersion[] = [],
): ConflictMap {
  const before = previous.get(id);
  if (versions.length === 0) {
    if (before === undefined) return previous;
    const next = new Map(previous);
    next.delete(id);
    return next;
  }
  return before !== undefined && sameVersions(before, versions) ? previous : new Map(previous).set(id, versions);
}
