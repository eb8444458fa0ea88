/**
 * "Nothing acknowledged is lost": what two devices' command lines were told was saved, checked against the library
 * both list at the end. Each acknowledged `status`, `dismiss`, `tag`, `untag` and `note` is a write to one register (a paper's
 * status, one tag of a paper, a paper's note); a write is either in the final library or superseded by a later one.
 *
 * Devices exchange their folders between rounds, never during one unless the transport runs freely; so in the last
 * round that wrote a register, each device's last write to it is a candidate to show, and nothing earlier is:
 * - a status or a note shows one of the candidates; where the round was held apart (`apart`), a note's other
 *   candidates are kept beside it as conflicts;
 * - a tag is there when a candidate added it, where the candidates agree or the round was held apart (add-wins: an
 *   untag removes only the adds it saw, and a device held apart saw none of the other's); where a device may have
 *   seen the other's write before its own, either may show.
 */

import type { Paper } from '../../core/model.js';

type Register = `status ${string}` | `note ${string}` | `tag ${string} ${string}`;

/** A command line a device ran and was told had succeeded. */
export interface AcknowledgedRun {
  readonly device: string;
  readonly round: number;
  readonly argv: readonly string[];
}

interface Write {
  readonly device: string;
  readonly round: number;
  /** The status or the note's text; for a tag, whether it was added. */
  readonly value: string | boolean;
}

function writesOf(run: AcknowledgedRun): [Register, Write][] {
  const [command, id = '', ...rest] = run.argv;
  const write = (value: string | boolean): Write => ({ device: run.device, round: run.round, value });
  switch (command) {
    case 'status':
      return [[`status ${id}`, write(rest[0] ?? '')]];
    case 'dismiss':
      return [[`status ${id}`, write('dismissed')]];
    case 'note':
      return [[`note ${id}`, write(rest[0] ?? '')]];
    case 'tag':
    case 'untag':
      return rest.map((tag) => [`tag ${id} ${tag.toLowerCase()}`, write(command === 'tag')]);
    default:
      return [];
  }
}

/** Each device's last write to the register in the last round anyone wrote to it. */
function candidatesOf(writes: readonly Write[]): Write[] {
  const last = Math.max(...writes.map((write) => write.round));
  const byDevice = new Map<string, Write>();
  for (const write of writes) if (write.round === last) byDevice.set(write.device, write);
  return [...byDevice.values()];
}

/** A paper as both devices list it, with the note's versions kept beside it (none where it has no conflict). */
export interface ListedPaper {
  readonly paper: Paper;
  readonly noteVersions: readonly string[];
}

/**
 * What of the acknowledged runs the final library lacks, in words (none: nothing was lost). `apartRounds` are the
 * rounds in which the devices exchanged nothing while they wrote.
 */
export function lostWrites(
  runs: readonly AcknowledgedRun[],
  papers: ReadonlyMap<string, ListedPaper>,
  apartRounds: ReadonlySet<number>,
): string[] {
  const registers = new Map<Register, Write[]>();
  for (const run of runs) {
    for (const [register, write] of writesOf(run)) registers.set(register, [...(registers.get(register) ?? []), write]);
  }
  const lost: string[] = [];
  for (const [register, writes] of registers) {
    const [kind = '', id = '', tag = ''] = register.split(' ');
    const listed = papers.get(id);
    if (listed === undefined) {
      lost.push(`${register}: the paper is not in the library`);
      continue;
    }
    const candidates = candidatesOf(writes);
    const apart = apartRounds.has(candidates[0]?.round ?? -1);
    const said = (write: Write) => `${write.device} in round ${String(write.round)}: ${JSON.stringify(write.value)}`;
    if (kind === 'status' && !candidates.some((write) => write.value === listed.paper.status)) {
      lost.push(`${register} is ${listed.paper.status}, none of ${candidates.map(said).join('; ')}`);
    }
    if (kind === 'note') {
      if (!candidates.some((write) => write.value === listed.paper.note)) {
        lost.push(`${register} is ${JSON.stringify(listed.paper.note)}, none of ${candidates.map(said).join('; ')}`);
      }
      const kept = new Set([listed.paper.note, ...listed.noteVersions]);
      if (apart)
        for (const write of candidates)
          if (!kept.has(write.value as string)) lost.push(`${register} lost ${said(write)}`);
    }
    const agree = candidates.every((write) => write.value === candidates[0]?.value);
    if (kind === 'tag' && (apart || agree)) {
      const wanted = candidates.some((write) => write.value === true);
      const has = listed.paper.tags.some((each) => each.toLowerCase() === tag);
      if (wanted !== has)
        lost.push(`${register} is ${has ? 'there' : 'gone'} after ${candidates.map(said).join('; ')}`);
    }
  }
  return lost;
}
