/**
 * Crash safety: a child process changes a real library on disk through LibraryService as fast as it can and
 * is killed with SIGKILL at a random moment; then a fresh LibraryService must open the library cleanly and
 * find every change the child acknowledged before it died. Round after round, on the same library, so that
 * kills land in notes, tags, statuses, journal compactions (asked for, and the automatic ones that big notes
 * cause), catalogue rewrites by re-imports, and daily backups (the child's clock runs at a day per 250 ms).
 * After each kill the lock the child may have held is aged past its 30 s `stale` time (on its mtime, not by
 * waiting), as if that time had passed.
 *
 * The kill times come from a seeded PRNG: CRASH_SEED=<seed> reproduces a run, CRASH_ROUNDS=<n> changes its length.
 */

import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm, utimes } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { LibraryService } from '../app/library-service.js';
import { listBackups, unpackAndCheck } from '../app/store/backups.js';
import { libraryPaths } from '../app/store/library-paths.js';
import { appDataDirectory } from '../app/library-location.js';
import { backupPlace } from '../app/sync/local-journal.js';
import type { Paper, ReadingStatus } from '../core/model.js';
import { papersOfColumns } from '../core/outline.js';
import { changeOfNote, crashChange, crashStatus, CRASH_PLAN } from './fixtures/crash-plan.js';
import { SAMPLE } from './cli-harness.js';
import { seededRandom } from './random.js';

const REPOSITORY = fileURLToPath(new URL('..', import.meta.url));
const WRITER = fileURLToPath(new URL('./fixtures/crash-writer.ts', import.meta.url));
const ROUNDS = Number(process.env['CRASH_ROUNDS'] ?? 50);
const SEED = Number(process.env['CRASH_SEED'] ?? Math.floor(Math.random() * 2 ** 32));
const MIN_DELAY_MS = 30;
const MAX_DELAY_MS = 400;
/** A child that has not acknowledged anything by then is stuck. */
const START_TIMEOUT_MS = 20_000;

interface Acks {
  readonly notes: number[];
  readonly tags: number[];
  readonly statuses: number[];
  compactions: number;
  imports: number;
  /** The last line the child got out before it died: what it was doing when killed. */
  last: string;
}

interface RoundOutcome {
  readonly acks: Acks;
  readonly delay: number;
  readonly stderr: string;
}

/** Runs one child from change `first`, kills it `delay` ms after its first acknowledgement, returns what it acknowledged. */
function runWriter(library: string, first: number, day: number, delay: number): Promise<RoundOutcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WRITER, library, SAMPLE, String(first), String(day)], {
      cwd: REPOSITORY,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const acks: Acks = { notes: [], tags: [], statuses: [], compactions: 0, imports: 0, last: '' };
    let pending = '';
    let stderr = '';
    let killTimer: NodeJS.Timeout | undefined;
    let killed = false;
    const kill = (): void => {
      killed = true;
      child.kill('SIGKILL');
    };
    const startTimer = setTimeout(kill, START_TIMEOUT_MS);
    child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
    child.stdout.setEncoding('utf8').on('data', (text: string) => {
      pending += text;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        const [kind = '', number = ''] = line.split(' ');
        const k = Number(number);
        if (kind === 'note') acks.notes.push(k);
        else if (kind === 'tag') acks.tags.push(k);
        else if (kind === 'status') acks.statuses.push(k);
        else if (kind === 'compact') acks.compactions++;
        else if (kind === 'import') acks.imports++;
        else if (kind !== 'ready') stderr += `unexpected line from the writer: ${line}\n`;
        acks.last = kind === 'ready' ? '' : `${kind} ${k}`;
        if (kind === 'note' && killTimer === undefined) {
          clearTimeout(startTimer);
          killTimer = setTimeout(kill, delay);
        }
      }
    });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(startTimer);
      clearTimeout(killTimer);
      // A partial last line was cut by the kill before its write returned: not acknowledged.
      if (!killed || signal !== 'SIGKILL' || acks.notes.length === 0) {
        reject(new Error(`the writer ended by itself (code ${code}, signal ${signal}) or never started:\n${stderr}`));
      } else {
        resolve({ acks, delay, stderr });
      }
    });
  });
}

/** The call the writer was in when it was killed: the one after its last acknowledgement (`kind k`). */
function inFlight(last: string): string {
  const [kind = '', number = ''] = last.split(' ');
  const k = Number(number);
  const nextChange = k % CRASH_PLAN.importEvery === CRASH_PLAN.importEvery - 2 ? 'import' : 'note';
  switch (kind) {
    case 'note':
      return 'tag';
    case 'tag':
      return 'status';
    case 'status':
      return k % CRASH_PLAN.compactEvery === CRASH_PLAN.compactEvery - 1 ? 'compact' : nextChange;
    case 'compact':
      return nextChange;
    default:
      return 'note';
  }
}

/** A paper's reading state as the checker tracks it: what the last check found. */
interface Known {
  readonly noteK: number | null;
  readonly tags: readonly string[];
  readonly status: ReadingStatus;
}

const NOTHING_YET: Known = { noteK: null, tags: [], status: 'unread' };

/**
 * Checks one paper after a kill, against what the previous check found (`before`) and what this round's child
 * acknowledged. Change k is note → tag → status, and change k starts only after change k - 1 resolved; so with
 * kS the change whose note is stored, every change of this paper from `first` to kS - 32 is complete, and of
 * change kS itself a prefix of its three steps is there. Returns the problems found.
 */
function checkPaper(
  index: number,
  paper: Paper,
  before: Known,
  first: number,
  acks: Acks,
): { problems: string[]; now: Known } {
  const problems: string[] = [];
  const mine = (k: number): boolean => k % CRASH_PLAN.papers === index;
  const ackedNotes = acks.notes.filter(mine);
  const ackedTags = new Set(acks.tags.filter(mine));
  const ackedStatuses = new Set(acks.statuses.filter(mine));
  const now: Known = {
    noteK: paper.note === '' ? null : changeOfNote(paper.note),
    tags: paper.tags,
    status: paper.status,
  };
  const say = (problem: string): void => {
    problems.push(`paper ${index} (${paper.id}): ${problem}`);
  };

  if (paper.note !== '' && now.noteK === null)
    say(`its note is not one any change wrote: ${JSON.stringify(paper.note.slice(0, 80))}…`);
  if ((paper.status === 'read') !== (paper.readAt !== null)) say(`status ${paper.status} with readAt ${paper.readAt}`);
  const kS = now.noteK;
  const lastAckedNote = Math.max(-1, ...ackedNotes);
  if (kS === before.noteK) {
    if (ackedNotes.length > 0)
      say(`the acknowledged note of change ${lastAckedNote} is lost; the note is still change ${kS}'s`);
    if (JSON.stringify(paper.tags) !== JSON.stringify(before.tags))
      say(`its tags changed without a new note: ${paper.tags.join(' ')}`);
    if (paper.status !== before.status)
      say(`its status changed without a new note: ${before.status} → ${paper.status}`);
    return { problems, now };
  }
  if (kS === null || kS % CRASH_PLAN.papers !== index || kS < first) {
    say(
      `its note is change ${kS}'s, which this round (from change ${first}) did not write for it; before it was ${before.noteK}'s`,
    );
    return { problems, now };
  }
  if (kS < lastAckedNote) say(`the acknowledged note of change ${lastAckedNote} is lost; the note is change ${kS}'s`);

  const completed: string[] = [];
  for (let k = first; k < kS; k++) if (mine(k)) completed.push(crashChange(k).tag);
  const expected = [...before.tags, ...completed];
  const withLast = [...expected, crashChange(kS).tag];
  const tagged = JSON.stringify(paper.tags) === JSON.stringify(withLast);
  if (!tagged && JSON.stringify(paper.tags) !== JSON.stringify(expected)) {
    say(
      `tags ${paper.tags.slice(before.tags.length).join(' ')} after the ${before.tags.length} known; expected ${withLast.slice(before.tags.length).join(' ')} (the last may be missing)`,
    );
  }
  if (!tagged && (ackedTags.has(kS) || ackedStatuses.has(kS))) say(`the acknowledged tag t${kS} is lost`);

  const previous = kS - CRASH_PLAN.papers >= first ? crashStatus(kS - CRASH_PLAN.papers) : before.status;
  const statusDone = paper.status === crashStatus(kS);
  if (!statusDone && paper.status !== previous)
    say(`status ${paper.status}, but change ${kS} sets ${crashStatus(kS)} and before it was ${previous}`);
  if (!statusDone && ackedStatuses.has(kS)) say(`the acknowledged status ${crashStatus(kS)} of change ${kS} is lost`);
  if (statusDone && crashStatus(kS) !== previous && !tagged)
    say(`change ${kS}'s status is there but not its tag, which was written before it`);
  return { problems, now };
}

describe('crash safety: SIGKILL at random moments while writing', () => {
  let directory: string;
  let library: string;
  const stats = {
    rounds: 0,
    acknowledged: 0,
    compactions: 0,
    imports: 0,
    locksLeft: 0,
    inFlight: new Map<string, number>(),
    backups: new Set<string>(),
    tempFilesLeft: 0,
    millis: 0,
  };

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'shelfmark-crash-'));
    library = join(directory, 'library.json');
    const service = new LibraryService(library, {
      sampleDigest: SAMPLE,
      now: () => new Date('2025-03-12T08:00:00.000Z'),
    });
    await service.importSample();
    await service.close();
  });

  afterAll(async () => {
    const inFlightText = [...stats.inFlight].map(([kind, count]) => `${kind} ${count}`).join(', ');
    const backups = [...stats.backups];
    const staging = backups.filter((name) => name.endsWith('.tmp')).length;
    console.log(
      `crash-safety: seed ${SEED}; ${stats.rounds} kills survived, ${stats.acknowledged} acknowledged changes verified ` +
        `(${stats.compactions} compactions, ${stats.imports} re-imports acknowledged); ` +
        `killed in (the call after the last acknowledgement): ${inFlightText}; ${backups.length - staging} daily backups made, ` +
        `${staging} half-made backups left; lock left behind ${stats.locksLeft} times; ${stats.tempFilesLeft} temp files left in the folder; ${(stats.millis / 1000).toFixed(1)} s`,
    );
    await rm(directory, { recursive: true, force: true });
  });

  it(`keeps every acknowledged change through ${ROUNDS} kills (seed ${SEED})`, async () => {
    const started = Date.now();
    console.log(`crash-safety: seed ${SEED} (rerun with CRASH_SEED=${SEED})`);
    const random = seededRandom(SEED);
    const initial = await readLibrary(library);
    const ids = initial.papers.map((paper) => paper.id).sort();
    const catalogue = JSON.stringify(
      initial.papers
        .map(({ id, title, abstract, authors, arxivId, links }) => ({ id, title, abstract, authors, arxivId, links }))
        .sort((a, b) => a.id.localeCompare(b.id)),
    );
    expect(ids).toHaveLength(CRASH_PLAN.papers);
    let known: Known[] = ids.map(() => NOTHING_YET);
    const everyAckedTag = new Map<string, number>();
    let next = 0;

    for (let round = 0; round < ROUNDS; round++) {
      const delay = Math.round(MIN_DELAY_MS + random() * (MAX_DELAY_MS - MIN_DELAY_MS));
      const context = `round ${round}, seed ${SEED}, changes from ${next}, killed ${delay} ms after the first acknowledgement`;
      // A round lasts under a second, a few days on the writer's fast clock: five days apart, rounds share no day.
      const { acks } = await runWriter(library, next, (round + 1) * 5, delay);

      // A killed holder's lock would keep everyone out for its 30 s `stale` time: let that time pass, on the clock only.
      const lock = `${library}.lock`;
      if (existsSync(lock)) {
        stats.locksLeft++;
        const longAgo = new Date(Date.now() - 60_000);
        await utimes(lock, longAgo, longAgo);
      }

      const read = await readLibrary(library).catch((error: unknown) => {
        throw new Error(`${context}: the library does not open after the kill: ${String(error)}`);
      });
      expect(read.papers, context).toHaveLength(CRASH_PLAN.papers);
      expect(read.digests, context).toHaveLength(1);
      expect(read.digests[0]?.total, context).toBe(CRASH_PLAN.papers);
      const byId = new Map(read.papers.map((paper) => [paper.id, paper]));
      const nowCatalogue = JSON.stringify(
        [...byId.values()]
          .map(({ id, title, abstract, authors, arxivId, links }) => ({ id, title, abstract, authors, arxivId, links }))
          .sort((a, b) => a.id.localeCompare(b.id)),
      );
      expect(nowCatalogue === catalogue, `${context}: the catalogue's papers changed`).toBe(true);

      const problems: string[] = [];
      known = ids.map((id, index) => {
        const paper = byId.get(id);
        if (paper === undefined) {
          problems.push(`paper ${index} (${id}) is missing`);
          return known[index] ?? NOTHING_YET;
        }
        const checked = checkPaper(index, paper, known[index] ?? NOTHING_YET, next, acks);
        problems.push(...checked.problems);
        return checked.now;
      });
      for (const k of acks.tags) everyAckedTag.set(`t${k}`, k % CRASH_PLAN.papers);
      for (const [tag, index] of everyAckedTag) {
        if (!known[index]?.tags.includes(tag))
          problems.push(`the tag ${tag}, acknowledged in an earlier round, is gone`);
      }
      expect(problems, context).toEqual([]);
      expect(existsSync(lock), `${context}: reading left the lock behind`).toBe(false);

      stats.rounds++;
      stats.acknowledged += acks.notes.length + acks.tags.length + acks.statuses.length;
      stats.compactions += acks.compactions;
      stats.imports += acks.imports;
      const busy = inFlight(acks.last);
      stats.inFlight.set(busy, (stats.inFlight.get(busy) ?? 0) + 1);
      const backups = (await backupPlace(appDataDirectory(), libraryPaths(library))).folder;
      for (const name of await readdir(backups).catch(() => [])) stats.backups.add(name);
      const storedChanges = known.map((paper) => paper.noteK ?? -1);
      next = Math.max(next, ...storedChanges, ...acks.notes) + 1;
    }

    // Every backup the killed writers finished is whole: it unpacks and reads as a library, as a restore checks.
    // (Its journal may end in a line a kill cut short, copied as it was; the journal ignores such a line.)
    const paths = libraryPaths(library);
    for (const backup of await listBackups(await backupPlace(appDataDirectory(), paths))) {
      const folder = await mkdtemp(join(tmpdir(), 'shelfmark-backup-check-'));
      try {
        await expect(unpackAndCheck(backup, folder, paths), backup.name).resolves.toBeDefined();
      } finally {
        await rm(folder, { recursive: true, force: true });
      }
    }
    stats.tempFilesLeft = (await readdir(directory)).filter((name) => name.endsWith('.tmp')).length;
    stats.millis = Date.now() - started;
  }, 180_000);
});

async function readLibrary(library: string): Promise<{
  papers: readonly Paper[];
  digests: readonly { total: number }[];
}> {
  const service = new LibraryService(library, { sampleDigest: SAMPLE });
  try {
    // The outline first, as the app reads it: from the outline file, unless a kill left that stale.
    const outline = await service.getLibraryOutline();
    const view = await service.getLibrary();
    await service.listBackups();
    const listed = (papers: readonly Paper[]): string[] => papers.map((paper) => `${paper.id} ${paper.title}`);
    if (JSON.stringify(listed(papersOfColumns(outline.papers))) !== JSON.stringify(listed(view.papers))) {
      throw new Error('the outline lists other papers than the catalogue holds');
    }
    return view;
  } finally {
    await service.close();
  }
}
