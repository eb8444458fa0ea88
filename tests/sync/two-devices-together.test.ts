/**
 * Two computers writing to one library at once, through real Syncthing and through git: each side is real
 * `shelfmark` processes (the built command line) with an app-data folder of its own, both running in the same rounds.
 * Syncthing carries files while they write (logs half-written, a library.json replaced under a reader); some rounds
 * hold the two apart, so that both change the same papers unseen. Git merges after each round, with conflicts in
 * the files every device rewrites. After the last exchange both list the same library byte for byte, and every change
 * either command line was told was saved is in it, or superseded by a later one (tests/sync/acknowledged.ts).
 */

import { describe, expect, it } from 'vitest';
import type { PaperDetail } from '../../core/api.js';
import type { Paper } from '../../core/model.js';
import { seededRandom } from '../../core/seeded-random.js';
import { CliHarness, SAMPLE } from '../cli-harness.js';
import { lostWrites, type ListedPaper } from './acknowledged.js';
import { createGitTransport, gitInstalled } from './git-transport.js';
import { describeOverSyncthing } from './syncthing-suite.js';
import { skipWithout } from './tool-presence.js';
import { gitTransport, runTwoDeviceScenario, syncthingTransport, type FolderTransport } from './two-devices.js';

const BIBTEX = new URL('../fixtures/citations.bib', import.meta.url).pathname;
const HF_DAY = new URL('../fixtures/hf-daily-papers-2025-03-11.json', import.meta.url).pathname;
const now = () => new Date();

/** The papers of `files` imported in turn on one computer. */
async function papersOf(...files: readonly string[]): Promise<Paper[]> {
  const scratch = await CliHarness.create();
  try {
    for (const file of files) await scratch.run(['import', file]);
    return await scratch.json<Paper[]>(['list']);
  } finally {
    await scratch.remove();
  }
}

/** A work as any computer names it, whatever id the order of concurrent imports gave it. */
const workOf = (paper: Paper): string => `${paper.arxivId ?? ''} ${paper.title}`;

const STATUSES = ['reading', 'read', 'unread'] as const;

/**
 * A side's commands for a round: statuses and notes on papers both sides change, tags of the side's own (`a-…` on
 * A) added and removed, and, where the round is held apart, the same note, status and tag changed on both sides.
 */
function commandsFor(
  side: 'A' | 'B',
  round: number,
  ids: readonly string[],
  next: () => number,
  apart: boolean,
): string[][] {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const shared = ids.slice(0, 8);
  const own = side.toLowerCase();
  const commands: string[][] = [];
  for (let index = 0; index < 6; index++) {
    const roll = next();
    const id = pick(shared);
    if (roll < 0.25) commands.push(['status', id, pick(STATUSES)]);
    else if (roll < 0.3) commands.push(['dismiss', id]);
    else if (roll < 0.5)
      commands.push(['note', id, `${side} wrote this in round ${String(round)}, change ${String(index)}.`]);
    else if (roll < 0.8) commands.push(['tag', id, `${own}-${String(Math.floor(next() * 3))}`]);
    else commands.push(['untag', id, `${own}-${String(Math.floor(next() * 3))}`]);
  }
  const [first = '', second = ''] = ids;
  // Both tag the paper whose tag the next round, held apart, removes on one side and adds again on the other.
  if (!apart) commands.unshift(['tag', second, `both-${String(round + 1)}`]);
  else {
    commands.push([
      'note',
      first,
      `${side}'s note of round ${String(round)}, written while the other computer was out of reach.`,
    ]);
    commands.push(['status', second, side === 'A' ? 'read' : 'reading']);
    commands.push(['untag', second, `both-${String(round)}`]);
    if (side === 'A') commands.push(['tag', second, `both-${String(round)}`]);
  }
  return commands;
}

async function writeAtOnce(transport: FolderTransport, seed: number): Promise<void> {
  // The papers both change are the sample's that the BibTeX file does not hold: the day's JSON is the same day,
  // which only adds to each paper; a paper both later digests claim could end with another id, as the order of
  // concurrent imports decides.
  const later = new Set((await papersOf(BIBTEX)).map((paper) => paper.title.toLowerCase()));
  const ids = (await papersOf(SAMPLE))
    .filter((paper) => !later.has(paper.title.toLowerCase()))
    .map((paper) => paper.id);
  const next = seededRandom(seed);
  const apartRounds = new Set([2, 4]);
  const rounds = [
    { A: [['import', SAMPLE]] },
    ...[1, 2, 3, 4].map((round) => {
      const apart = apartRounds.has(round);
      const a = commandsFor('A', round, ids, next, apart);
      const b = commandsFor('B', round, ids, next, apart);
      // A digest comes in on each side at once: papers imported on either appear on both, merged by identity.
      return round === 1
        ? { apart, A: [['import', HF_DAY], ...a], B: [['import', BIBTEX], ...b] }
        : { apart, A: a, B: b };
    }),
  ];
  const { runs, lists, shown } = await runTwoDeviceScenario({
    transport,
    now,
    rounds,
    together: true,
    processes: true,
    show: ids.slice(0, 8),
  });
  // Only refusals that changed nothing (an untag of a tag the paper does not have) may fail.
  const failed = runs.filter((run) => run.result.code !== 0);
  expect(failed.filter((run) => !run.result.stderr.includes('nothing was changed')).map((run) => run.result)).toEqual(
    [],
  );
  expect(lists.A).toBe(lists.B);

  const versionsOf = (id: string): string[] => {
    const text = shown.get(id);
    if (text === undefined) return [];
    return ((JSON.parse(text) as PaperDetail).noteConflicts ?? []).map((version) => version.text);
  };
  const papers = new Map<string, ListedPaper>(
    (JSON.parse(lists.A) as Paper[]).map((paper) => [paper.id, { paper, noteVersions: versionsOf(paper.id) }]),
  );
  // Every work of the three digests, each once, as one computer importing them in turn has them.
  const works = (list: readonly Paper[]) => list.map(workOf).sort();
  expect(works([...papers.values()].map((each) => each.paper))).toEqual(works(await papersOf(SAMPLE, HF_DAY, BIBTEX)));
  const acknowledged = runs.filter((run) => run.result.code === 0);
  expect(acknowledged.length).toBeGreaterThan(runs.length * 0.75);
  expect(lostWrites(acknowledged, papers, apartRounds)).toEqual([]);
  // The note both wrote held apart: one shows, the other is kept beside it.
  const both = papers.get(ids[0] ?? '');
  expect(new Set([both?.paper.note, ...(both?.noteVersions ?? [])]).size).toBeGreaterThanOrEqual(2);
}

describeOverSyncthing('two computers writing at once to one library synced by Syncthing', (pair) => {
  it('converge to the same library, with every acknowledged change in it', { timeout: 240_000 }, async () => {
    await writeAtOnce(syncthingTransport(pair()), 12);
  });
});

describe.skipIf(skipWithout('git', 'git', gitInstalled()))(
  'two computers writing at once to one library in git',
  () => {
    it(
      'converge to the same library through merges, with every acknowledged change in it',
      { timeout: 240_000 },
      async () => {
        const git = await createGitTransport();
        try {
          const transport = gitTransport(git);
          await writeAtOnce(transport, 34);
          // Both computers rewrote the derived files, and git stopped on them: Shelfmark settled every one.
          console.log(transport.settled?.());
          expect(transport.settled?.()).toContain('library.json');
        } finally {
          await git.remove();
        }
      },
    );
  },
);
