/**
 * Two computers reading one library through a sync tool: each is Shelfmark's command line with an app-data folder
 * of its own (`XDG_CONFIG_HOME`, so each is a device of its own) on its own copy of the library folder, and a
 * transport (Syncthing, git) carries the folder between the copies. `runTwoDeviceScenario` runs rounds of commands
 * on each side, exchanging the folder after each, and gives what each command answered and each side's final
 * `list --json`, for a test to compare byte for byte and to look for every acknowledged change in.
 *
 * Sides take turns (each round's commands on one side, then the other) or write at once (`together`), in-process or
 * as real `shelfmark` processes (`processes`, the built command line); a round may hold the two apart (`apart`: the
 * tool carries nothing until the round's exchange), else a tool that runs freely (Syncthing) carries files while
 * both write.
 */

import { execFile } from 'node:child_process';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { conflictSides } from '../../core/sync/git-conflicts.js';
import { CliHarness, type CliResult } from '../cli-harness.js';
import { BIN, ensureBuilt, REPOSITORY } from '../fixtures/built-cli.js';
import type { GitClone, GitTransport } from './git-transport.js';
import type { SyncthingPair } from './syncthing.js';

type DeviceName = 'A' | 'B';

/** One computer: its copy of the library folder and its app-data folder, and the command line run there. */
interface Device {
  readonly name: DeviceName;
  readonly folder: string;
  readonly appData: string;
  readonly run: (argv: readonly string[]) => Promise<CliResult>;
}

/** What carries a library folder between the two computers. */
export interface FolderTransport {
  /** A's copy of the folder and B's. */
  readonly folders: Readonly<Record<DeviceName, string>>;
  /**
   * Carries each side's changes to the other and returns when both copies are the same. `settle` runs Shelfmark on
   * a side whose copy the tool left in a state that needs it (git's merge conflicts), as a user would.
   */
  readonly exchange: (settle: (side: DeviceName) => Promise<void>) => Promise<void>;
  /** Holds the two copies apart until the next exchange; a transport that never carries files unasked has none. */
  readonly holdApart?: () => Promise<void>;
  /** The files the tool left in conflict for Shelfmark to settle, so far (git's merges). */
  readonly settled?: () => readonly string[];
}

export function syncthingTransport(pair: SyncthingPair): FolderTransport {
  let apart = false;
  return {
    folders: { A: pair.a.folder, B: pair.b.folder },
    holdApart: async () => {
      await pair.pause();
      apart = true;
    },
    exchange: async () => {
      if (apart) await pair.resume();
      apart = false;
      await pair.waitInSync();
    },
  };
}

/** Files in the clone that still hold git's conflict markers. */
async function withMarkers(clone: GitClone, paths: readonly string[]): Promise<string[]> {
  const marked: string[] = [];
  for (const path of paths) {
    const text = await readFile(join(clone.folder, path), 'utf8').catch(() => '');
    if (conflictSides(text) !== null) marked.push(path);
  }
  return marked;
}

/**
 * Git as the transport: each side commits everything, pulls (a merge) and pushes, A then B, and A pulls B's merge.
 * A merge conflict is left for Shelfmark on that side (`settle`), which must leave no conflict marker in any file.
 */
export function gitTransport(git: GitTransport): FolderTransport {
  const clones: Record<DeviceName, GitClone> = { A: git.a, B: git.b };
  const settled: string[] = [];
  const publish = async (side: DeviceName, settle: (side: DeviceName) => Promise<void>) => {
    const clone = clones[side];
    await clone.commitAll(`Shelfmark on ${side}`);
    for (let attempt = 0; attempt < 3; attempt++) {
      const { conflicts } = await clone.pull();
      if (conflicts.length > 0) {
        settled.push(...conflicts);
        await settle(side);
        const left = await withMarkers(clone, conflicts);
        if (left.length > 0) throw new Error(`git's conflict markers are still in ${left.join(', ')} on ${side}`);
      }
      await clone.commitAll(`Shelfmark on ${side}, merged`);
      if (await clone.push()) return;
    }
    throw new Error(`${side} could not push: the remote kept moving`);
  };
  return {
    folders: { A: git.a.folder, B: git.b.folder },
    settled: () => settled,
    exchange: async (settle) => {
      await publish('A', settle);
      await publish('B', settle);
      const { conflicts } = await clones.A.pull();
      if (conflicts.length > 0) throw new Error(`A's pull of B's merge conflicted in ${conflicts.join(', ')}`);
    },
  };
}

/** The commands each side runs in a round, in order; a side with none sits the round out. */
type Round = Partial<Record<DeviceName, readonly (readonly string[])[]>> & {
  /** The transport carries nothing while the round's commands run. */
  readonly apart?: boolean;
};

interface TwoDeviceScenario {
  readonly transport: FolderTransport;
  readonly rounds: readonly Round[];
  /** Both sides run their commands at the same time; else A's, then B's. */
  readonly together?: boolean;
  /** Each command is a `shelfmark` process of its own (the built command line); else it runs in this process. */
  readonly processes?: boolean;
  /** The time every command runs at (the day a digest is dated, a paper read…). */
  readonly now: () => Date;
  /** Papers to `show --json` on A at the end, for what the list does not hold (a note's versions). */
  readonly show?: readonly string[];
}

interface CommandRun {
  readonly device: DeviceName;
  readonly round: number;
  readonly argv: readonly string[];
  readonly result: CliResult;
}

interface ScenarioOutcome {
  /** Every command run, in the order each side ran them; acknowledged when its code is 0. */
  readonly runs: readonly CommandRun[];
  /** `list --json` on each side after the last exchange. */
  readonly lists: Readonly<Record<DeviceName, string>>;
  /** `show ID --json` on A after the last exchange, for each paper asked for. */
  readonly shown: ReadonlyMap<string, string>;
}

/** The library file in a side's copy of the folder. */
const LIBRARY = 'library.json';

/** Runs the built command line as a process of its own, with `XDG_CONFIG_HOME` set to the device's app-data folder. */
function runProcess(db: string, appData: string, argv: readonly string[]): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [BIN, '--db', db, ...argv],
      {
        cwd: REPOSITORY,
        timeout: 60_000,
        maxBuffer: 64 * 1024 * 1024,
        env: { ...process.env, XDG_CONFIG_HOME: appData },
      },
      (error, stdout, stderr) => {
        if (error !== null && typeof error.code !== 'number') reject(new Error(error.message, { cause: error }));
        else resolve({ code: error === null ? 0 : Number(error.code), stdout, stderr });
      },
    );
  });
}

/**
 * Runs `rounds` on two devices over `transport`, exchanging the folder after each round and once more at the end,
 * then lists the library on each side. Commands run in-process through the CLI harness, each side with its own
 * `XDG_CONFIG_HOME`; a failing command is recorded, not thrown, since what a test asks is what was acknowledged.
 */
export async function runTwoDeviceScenario(scenario: TwoDeviceScenario): Promise<ScenarioOutcome> {
  if (scenario.processes === true) await ensureBuilt();
  const harness = await CliHarness.create();
  try {
    const devices = {} as Record<DeviceName, Device>;
    for (const name of ['A', 'B'] as const) {
      const appData = join(harness.directory, `config-${name}`);
      await mkdir(appData);
      const folder = scenario.transport.folders[name];
      devices[name] = {
        name,
        folder,
        appData,
        run: (argv) =>
          scenario.processes === true
            ? runProcess(join(folder, LIBRARY), appData, argv)
            : harness.run(argv, { db: join(folder, LIBRARY), env: { XDG_CONFIG_HOME: appData }, now: scenario.now }),
      };
    }
    const runs: CommandRun[] = [];
    const runRound = async (name: DeviceName, round: number, commands: readonly (readonly string[])[]) => {
      for (const argv of commands) runs.push({ device: name, round, argv, result: await devices[name].run(argv) });
    };
    // Opening the library is what settles a copy the tool left unsettled.
    const settle = async (name: DeviceName) => {
      await devices[name].run(['list', '--json']);
    };
    for (const [index, round] of scenario.rounds.entries()) {
      if (round.apart === true) await scenario.transport.holdApart?.();
      const sides = (['A', 'B'] as const).map((name) => () => runRound(name, index, round[name] ?? []));
      if (scenario.together === true) await Promise.all(sides.map((side) => side()));
      else for (const side of sides) await side();
      await scenario.transport.exchange(settle);
    }
    await scenario.transport.exchange(settle);
    const list = async (name: DeviceName) => (await devices[name].run(['list', '--json'])).stdout;
    const shown = new Map<string, string>();
    for (const id of scenario.show ?? []) shown.set(id, (await devices.A.run(['show', id, '--json'])).stdout);
    return { runs, lists: { A: await list('A'), B: await list('B') }, shown };
  } finally {
    await harness.remove();
  }
}
