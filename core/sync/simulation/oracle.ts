/**
 * What the library must be after every device has every file, worked out from the acknowledged changes alone and what
 * each device had seen when it made each one (the simulation's own account, not the files'): a change supersedes
 * another of the same register under the same name when its device had seen that change, or a later one of that
 * change's device there; and one under another name of the same paper when it names it. Status, tags and digest days
 * are worked out exactly. A note's versions are worked out from what each device showed when it wrote: an edit
 * supersedes the note it showed (and what it carries forward, as copies), a resolution every version it showed.
 */

import { dotOf, type DeviceId } from '../causal-register.js';
import type { CatalogueFold, ImportOp } from '../catalogue-fold.js';
import type { Stamp } from '../hlc.js';
import type { SyncedLibrary } from '../library.js';
import { opId, type SyncOp } from '../ops.js';
import { tagKey } from '../paper-registers.js';
import { mergeKey, paperRefKey, removedKey } from '../sync-state.js';
import { readingStateOf } from '../../model.js';

interface NoteShown {
  readonly dot: string;
  readonly text: string;
}

interface Acknowledged {
  readonly op: SyncOp;
  /** Per device, the latest stamp the writer had seen on the register (its own stamp included). */
  readonly context: ReadonlyMap<DeviceId, Stamp>;
  /** For a note: the versions the device showed (the note last), under every name of the paper. */
  readonly shown: readonly NoteShown[];
}

/** What a change writes to of a paper: `status`, `tag\0<key>`, `note`. */
function fieldOf(op: SyncOp): string {
  switch (op.kind) {
    case 'status':
      return 'status';
    case 'tag':
      return `tag\0${tagKey(op.value.spelling)}`;
    case 'untag':
      return `tag\0${op.tag}`;
    case 'note':
    case 'resolve-note':
      return 'note';
    case 'digest-day':
      return `day\0${op.digest}`;
    case 'merge':
      return `merge\0${mergeKey(op.kept, op.merged)}`;
    case 'remove':
      return `remove\0${opId(op)}`;
  }
}

/** The register a change writes, under the name it gives its paper: what its `seen` is of. */
function nameOf(op: SyncOp): string {
  return 'paper' in op ? `${paperRefKey(op.paper)}\0${fieldOf(op)}` : `\0${fieldOf(op)}`;
}

function later(a: Stamp | undefined, b: Stamp): Stamp {
  return a === undefined || b > a ? b : a;
}

function byStamp(a: SyncOp, b: SyncOp): number {
  return a.stamp !== b.stamp ? (a.stamp < b.stamp ? -1 : 1) : a.device < b.device ? -1 : a.device > b.device ? 1 : 0;
}

export class Oracle {
  readonly changes: Acknowledged[] = [];
  /** What was found wrong as the changes were made. */
  readonly problems: string[] = [];
  readonly imports: ImportOp[] = [];
  readonly #byId = new Map<string, number>();
  /** The change that wrote each note version a change carried forward as a copy. */
  readonly #byDot = new Map<string, number>();

  indexOf(id: string): number | undefined {
    return this.#byId.get(id);
  }

  deviceOf(index: number): DeviceId | undefined {
    return this.changes[index]?.op.device;
  }

  /** The numbers of the changes `device` made: what its journal keeps. */
  madeBy(device: DeviceId): number[] {
    return this.changes.flatMap((change, index) => (change.op.device === device ? [index] : []));
  }

  imported(op: ImportOp): void {
    this.imports.push(op);
  }

  /** Records a change the device is about to write, with what it had seen; returns its number. */
  acknowledge(library: SyncedLibrary, seen: ReadonlySet<number>, op: SyncOp): number {
    const { fold } = library;
    const name = nameOf(op);
    const context = new Map<DeviceId, Stamp>([[op.device, op.stamp]]);
    const seenDots = new Set<string>();
    for (const index of seen) {
      const change = this.changes[index];
      if (change === undefined) continue;
      seenDots.add(opId(change.op));
      for (const kept of change.op.kind === 'note' ? change.op.kept : [])
        seenDots.add(`${kept.stamp}@${change.op.device}`);
      if (nameOf(change.op) !== name) continue;
      for (const [other, stamp] of change.context) context.set(other, later(context.get(other), stamp));
    }
    for (const dot of op.kills ?? []) {
      if (!seenDots.has(dot)) this.problems.push(`${opId(op)} supersedes ${dot}, which its device had not seen`);
    }
    let shown: NoteShown[] = [];
    if (op.kind === 'note' || op.kind === 'resolve-note') {
      const note = library.registers.get(fold.resolve(op.paper) ?? '')?.note;
      shown = (note?.versions ?? []).map((version) => ({ dot: dotOf(version), text: version.value }));
    }
    const index = this.changes.length;
    this.changes.push({ op, context, shown });
    this.#byId.set(opId(op), index);
    if (op.kind === 'note') for (const kept of op.kept) this.#byDot.set(`${kept.stamp}@${op.device}`, index);
    return index;
  }

  /** What in `library` (every device's, after a full exchange) differs from what the changes say it must be. */
  check(library: SyncedLibrary): string[] {
    const problems: string[] = [...this.problems];
    const { fold } = library;
    // Each paper of the fold as the library shows it: itself, or the paper whose aliases name it (merged into it).
    const hosts = new Map<string, string>();
    for (const paper of library.catalogue.papers) {
      for (const alias of paper.aliases ?? []) hosts.set(alias, paper.id);
    }
    for (const paper of library.catalogue.papers) hosts.set(paper.id, paper.id);
    const removed = this.#removedPapers(fold);
    // A change to a paper merged into another is shown there unless a merge it went through had seen it.
    const carriedAway = (op: SyncOp, dot: string): boolean => {
      let at = 'paper' in op ? fold.resolve(op.paper) : undefined;
      for (let merge = this.#appliedTo(library, at); merge !== undefined; merge = this.#appliedTo(library, at)) {
        if (merge.saw.has(dot)) return true;
        at = merge.kept;
      }
      return false;
    };
    const byRegister = new Map<string, Acknowledged[]>();
    const mergesByName = new Map<string, Acknowledged[]>();
    for (const change of this.changes) {
      const { op } = change;
      if (op.kind === 'remove') continue;
      if (op.kind === 'merge') {
        mergesByName.set(nameOf(op), [...(mergesByName.get(nameOf(op)) ?? []), change]);
        continue;
      }
      let register = `\0${fieldOf(op)}`;
      if ('paper' in op) {
        const paper = fold.resolve(op.paper);
        if (paper === undefined) {
          problems.push(`change ${opId(op)} names a paper the library does not have`);
          continue;
        }
        const host = hosts.get(paper);
        if (host === undefined) {
          if (!removed.has(paper)) problems.push(`${paper}, changed by ${opId(op)}, is neither there nor removed`);
          continue;
        }
        register = `${host}\0${fieldOf(op)}`;
      }
      byRegister.set(register, [...(byRegister.get(register) ?? []), change]);
    }
    const standing = (changes: readonly Acknowledged[]): SyncOp[] => {
      // A change supersedes by name only versions of the paper it was shown with.
      const killed = new Set(changes.flatMap(({ op }) => op.kills ?? []));
      return changes
        .filter(
          ({ op }) =>
            op.kind !== 'untag' &&
            !killed.has(opId(op)) &&
            !carriedAway(op, opId(op)) &&
            changes.every(
              (other) =>
                other.op === op || nameOf(other.op) !== nameOf(op) || (other.context.get(op.device) ?? '') < op.stamp,
            ),
        )
        .map(({ op }) => op)
        .sort(byStamp);
    };
    problems.push(...this.#checkMerges(library, hosts, removed, mergesByName, standing));
    const expectedTags = new Map<string, { key: string; spelling: string; since: Stamp }[]>();
    for (const [register, changes] of byRegister) {
      const [paper = '', field = '', key = ''] = register.split('\0');
      const live = standing(changes);
      const latest = live.at(-1);
      const state = readingStateOf(library.states, paper);
      if (field === 'status') {
        const want = latest?.kind === 'status' ? latest.value : { status: 'unread', readAt: null };
        if (state?.status !== want.status || state.readAt !== want.readAt) {
          problems.push(
            `${paper}: status ${JSON.stringify([state?.status, state?.readAt])}, expected ${JSON.stringify(want)}`,
          );
        }
      } else if (field === 'tag') {
        if (latest?.kind !== 'tag') continue;
        const since = live.reduce(
          (first, op) => (op.kind === 'tag' && op.value.since < first ? op.value.since : first),
          latest.value.since,
        );
        expectedTags.set(paper, [...(expectedTags.get(paper) ?? []), { key, spelling: latest.value.spelling, since }]);
      } else if (field === 'day') {
        const digest = library.catalogue.digests.find((candidate) => candidate.id === key);
        if (
          latest?.kind === 'digest-day' &&
          digest !== undefined &&
          (digest.date !== latest.value.date || digest.title !== latest.value.title)
        ) {
          problems.push(
            `digest ${key}: ${JSON.stringify([digest.date, digest.title])}, expected ${JSON.stringify(latest.value)}`,
          );
        }
      } else if (field === 'note') {
        problems.push(...this.#checkNote(library, paper, changes, carriedAway));
      }
    }
    for (const paper of library.catalogue.papers) {
      const want = (expectedTags.get(paper.id) ?? [])
        .sort((a, b) => (a.since !== b.since ? (a.since < b.since ? -1 : 1) : a.key < b.key ? -1 : 1))
        .map((tag) => tag.spelling);
      const have = readingStateOf(library.states, paper.id)?.tags ?? [];
      if (JSON.stringify(want) !== JSON.stringify(have)) {
        problems.push(`${paper.id}: tags ${JSON.stringify(have)}, expected ${JSON.stringify(want)}`);
      }
    }
    problems.push(...this.#checkImports(library, hosts, removed));
    return problems;
  }

  /** The merge of `id` into another paper that the library applied, if any. */
  #appliedTo(library: SyncedLibrary, id: string | undefined): SyncedLibrary['structure']['merges'][number] | undefined {
    return id === undefined ? undefined : library.structure.merges.find((merge) => merge.merged === id);
  }

  /** What every removal took out: the fold's papers each record of which a removal named. */
  #removedPapers(fold: CatalogueFold): Set<string> {
    const named = new Set(
      this.changes.flatMap(({ op }) => (op.kind === 'remove' ? op.entries.map((entry) => removedKey(entry)) : [])),
    );
    const records = new Map<string, string[]>();
    for (const op of this.imports) {
      const origin = opId(op);
      for (const record of op.papers) {
        const paper = fold.resolve({ origin, id: record.id });
        if (paper !== undefined)
          records.set(paper, [...(records.get(paper) ?? []), removedKey({ kind: 'paper', origin, id: record.id })]);
      }
    }
    return new Set([...records].flatMap(([paper, keys]) => (keys.every((key) => named.has(key)) ? [paper] : [])));
  }

  /**
   * Merges: one that stands (its latest version, by the changes' own account) made its two papers one, unless a
   * removal took one out; a paper is merged into another only by a merge of it that stands.
   */
  #checkMerges(
    library: SyncedLibrary,
    hosts: ReadonlyMap<string, string>,
    removed: ReadonlySet<string>,
    byName: ReadonlyMap<string, readonly Acknowledged[]>,
    standing: (changes: readonly Acknowledged[]) => SyncOp[],
  ): string[] {
    const problems: string[] = [];
    const mergedBy = new Set<string>();
    for (const changes of byName.values()) {
      const latest = standing(changes).at(-1);
      if (latest?.kind !== 'merge') continue;
      const [kept, merged] = [library.fold.resolve(latest.kept), library.fold.resolve(latest.merged)];
      if (kept === undefined || merged === undefined) {
        problems.push(`merge ${opId(latest)} names a paper the library does not have`);
        continue;
      }
      if (!latest.value.merged) continue;
      mergedBy.add(merged);
      if (removed.has(kept) || removed.has(merged)) continue;
      if (hosts.get(kept) !== hosts.get(merged))
        problems.push(`merge ${opId(latest)}: ${merged} is not one with ${kept}`);
    }
    return problems;
  }
  #checkNote(
    library: SyncedLibrary,
    paper: string,
    changes: readonly Acknowledged[],
    carriedAway: (op: SyncOp, dot: string) => boolean,
  ): string[] {
    const versions: (NoteShown & { readonly stamp: Stamp; readonly device: DeviceId })[] = [];
    const superseded = new Set<string>();
    for (const { op, shown } of changes) {
      if (op.kind !== 'note' && op.kind !== 'resolve-note') continue;
      const kept = op.kind === 'note' ? op.kept : [];
      for (const version of [...kept, { stamp: op.stamp, text: op.text }]) {
        if (carriedAway(op, `${version.stamp}@${op.device}`)) continue;
        versions.push({
          dot: `${version.stamp}@${op.device}`,
          text: version.text,
          stamp: version.stamp,
          device: op.device,
        });
      }
      const main = shown.at(-1)?.text;
      const carried = new Set(kept.map((version) => version.text));
      const goesOn = op.kind === 'note' ? this.#goesOnAsEdit(op, shown) : new Set<string>();
      for (const version of shown) {
        if (op.kind === 'resolve-note' || version.text === main || carried.has(version.text) || goesOn.has(version.dot))
          superseded.add(version.dot);
      }
    }
    const standing = versions
      .filter((version) => !superseded.has(version.dot))
      .sort((a, b) => (a.stamp !== b.stamp ? (a.stamp < b.stamp ? -1 : 1) : a.device < b.device ? -1 : 1));
    const want = standing.at(-1)?.text ?? '';
    const wantConflicts = [...new Set(standing.map((version) => version.text))].filter((text) => text !== want).sort();
    const note = readingStateOf(library.states, paper)?.note ?? '';
    const conflicts = (library.conflicts.get(paper) ?? []).map((conflict) => conflict.text).sort();
    if (note === want && JSON.stringify(conflicts) === JSON.stringify(wantConflicts)) return [];
    return [`${paper}: note ${JSON.stringify([note, conflicts])}, expected ${JSON.stringify([want, wantConflicts])}`];
  }

  /**
   * The versions an edit supersedes that go on as the edit itself, not as copies: under the edit's own name, those
   * with its text of a device whose versions it does not spare (its own, the shown note's, or one with a version
   * showing the note's text), as record.ts noteEdit carries.
   */
  #goesOnAsEdit(op: SyncOp & { readonly kind: 'note' }, shown: readonly NoteShown[]): Set<string> {
    const deviceOf = (dot: string): string => dot.slice(dot.indexOf('@') + 1);
    const named = (dot: string): boolean => {
      const index = this.#byId.get(dot) ?? this.#byDot.get(dot);
      const change = index === undefined ? undefined : this.changes[index];
      return change !== undefined && nameOf(change.op) === nameOf(op);
    };
    const mine = shown.filter((version) => named(version.dot));
    const main = shown.at(-1);
    const shownHere = main !== undefined && mine.includes(main);
    const spared = (device: string): boolean =>
      device !== op.device &&
      !(shownHere && device === deviceOf(main.dot)) &&
      !mine.some((version) => deviceOf(version.dot) === device && version.text === main?.text);
    return new Set(
      mine
        .filter((version) => version.text === op.text && !spared(deviceOf(version.dot)))
        .map((version) => version.dot),
    );
  }

  #checkImports(library: SyncedLibrary, hosts: ReadonlyMap<string, string>, removed: ReadonlySet<string>): string[] {
    const problems: string[] = [];
    const digests = new Map(library.catalogue.digests.map((digest) => [digest.id, digest]));
    const named = new Set(
      this.changes.flatMap(({ op }) => (op.kind === 'remove' ? op.entries.map((entry) => removedKey(entry)) : [])),
    );
    const carriers = new Map<string, string[]>();
    for (const op of this.imports) {
      for (const digest of op.digests) carriers.set(digest.id, [...(carriers.get(digest.id) ?? []), opId(op)]);
    }
    const digestRemoved = (id: string): boolean =>
      (carriers.get(id) ?? []).every((origin) => named.has(removedKey({ kind: 'digest', origin, id })));
    for (const op of this.imports) {
      const origin = opId(op);
      const placed = (id: string): string | undefined => library.fold.resolve({ origin, id });
      for (const record of op.papers) {
        const id = placed(record.id);
        if (id === undefined) problems.push(`import ${origin}: ${record.id} is not in the library`);
        else if (removed.has(id) === hosts.has(id)) {
          problems.push(`import ${origin}: ${record.id} (${id}) is ${removed.has(id) ? 'removed but there' : 'gone'}`);
        }
      }
      for (const digest of op.digests) {
        const have = digests.get(digest.id);
        if (have === undefined) {
          if (!digestRemoved(digest.id)) problems.push(`import ${origin}: digest ${digest.id} is not in the library`);
          continue;
        }
        if (digestRemoved(digest.id)) problems.push(`digest ${digest.id} is removed but there`);
        for (const id of digest.paperIds) {
          const paper = placed(id) ?? id;
          const host = hosts.get(paper);
          if (host !== undefined && !have.paperIds.includes(host)) problems.push(`digest ${digest.id} lacks ${host}`);
        }
      }
    }
    return problems;
  }
}
