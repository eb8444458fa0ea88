/**
 * Two computers taking turns on one library through a real sync tool, Syncthing and git: every change made on
 * either side is on both, and both list the same library byte for byte. Issue 12's store adds the same with both
 * writing at once (`together`).
 */

import { describe, expect, it } from 'vitest';
import type { Paper } from '../../core/model.js';
import { CliHarness, SAMPLE } from '../cli-harness.js';
import { createGitTransport, gitInstalled } from './git-transport.js';
import { describeOverSyncthing } from './syncthing-suite.js';
import { skipWithout } from './tool-presence.js';
import { gitTransport, runTwoDeviceScenario, syncthingTransport, type FolderTransport } from './two-devices.js';

const now = () => new Date('2026-03-11T12:00:00');

/** The ids the sample digest's papers get (they come from what the papers are, so every device gives the same). */
async function sampleIds(): Promise<string[]> {
  const scratch = await CliHarness.create();
  try {
    await scratch.run(['import', SAMPLE], { now });
    return (await scratch.json<Paper[]>(['list'], { now })).map((paper) => paper.id);
  } finally {
    await scratch.remove();
  }
}

/** A takes in the day's papers; then each side in turn reads, tags, untags and takes notes. */
async function takeTurns(transport: FolderTransport): Promise<void> {
  const [first = '', second = '', third = ''] = await sampleIds();
  const { runs, lists } = await runTwoDeviceScenario({
    transport,
    now,
    rounds: [
      { A: [['import', SAMPLE]] },
      {
        B: [
          ['status', first, 'read'],
          ['tag', second, 'survey', 'later'],
        ],
      },
      {
        A: [
          ['note', first, 'Method section first.'],
          ['untag', second, 'later'],
        ],
      },
      { B: [['status', third, 'reading']] },
    ],
  });
  expect(runs.filter((run) => run.result.code !== 0)).toEqual([]);
  expect(runs.map((run) => run.device).join('')).toBe('ABBAAB');
  expect(lists.A).toBe(lists.B);
  const papers = new Map((JSON.parse(lists.A) as Paper[]).map((paper) => [paper.id, paper]));
  expect(papers.size).toBe(32);
  expect(papers.get(first)).toMatchObject({ status: 'read', note: 'Method section first.' });
  expect(papers.get(second)?.tags).toEqual(['survey']);
  expect(papers.get(third)?.status).toBe('reading');
}

describeOverSyncthing('two computers taking turns on one library synced by Syncthing', (pair) => {
  it('have every change made on either, and list the same library byte for byte', async () => {
    await takeTurns(syncthingTransport(pair()));
  });
});

describe.skipIf(skipWithout('git', 'git', gitInstalled()))('two computers taking turns on one library in git', () => {
  it('have every change made on either, and list the same library byte for byte', async () => {
    const git = await createGitTransport();
    try {
      await takeTurns(gitTransport(git));
    } finally {
      await git.remove();
    }
  });
});
