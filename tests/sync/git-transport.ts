/**
 * A git repository as a library's sync tool: a bare repository and two clones of it in a temp folder, each clone one
 * computer's copy of the library folder. Git runs with a fixed author, no global or system config and no terminal
 * prompts, so what a test sees does not depend on the machine. A pull merges (never rebases) and leaves a conflict
 * in the work tree as git leaves it, markers and all, for the library to resolve.
 */

import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runTool, type ToolRun } from './run-tool.js';

const GIT = 'git';
const BRANCH = 'main';

/** The author and committer of every commit: the same on every machine. */
const IDENTITY = { name: 'Shelfmark Tests', email: 'tests@shelfmark.invalid' };

/** The environment git runs in: nothing from the machine's or the user's config, no prompts, no pager. */
function gitEnv(home: string): NodeJS.ProcessEnv {
  return {
    PATH: process.env['PATH'],
    HOME: home,
    LANG: 'C',
    LC_ALL: 'C',
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_CONFIG_SYSTEM: '/dev/null',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_TERMINAL_PROMPT: '0',
    GIT_PAGER: 'cat',
    GIT_EDITOR: 'true',
    GIT_AUTHOR_NAME: IDENTITY.name,
    GIT_AUTHOR_EMAIL: IDENTITY.email,
    GIT_COMMITTER_NAME: IDENTITY.name,
    GIT_COMMITTER_EMAIL: IDENTITY.email,
  };
}

/** Settings given on every command line, so that no config file can change them. */
const SETTINGS = [
  `init.defaultBranch=${BRANCH}`,
  'core.autocrlf=false',
  'core.fileMode=true',
  'commit.gpgSign=false',
  'pull.rebase=false',
  'merge.conflictStyle=merge',
  'advice.detachedHead=false',
].flatMap((setting) => ['-c', setting]);

export function gitInstalled(): boolean {
  return (process.env['PATH'] ?? '').split(':').some((folder) => existsSync(join(folder, GIT)));
}

/** What a pull did: merged cleanly (or had nothing to merge), or stopped on conflicts in these paths. */
interface PullResult {
  readonly conflicts: readonly string[];
}

export interface GitClone {
  /** `A` or `B`, for messages. */
  readonly name: string;
  /** The clone's work tree: its copy of the library folder. */
  readonly folder: string;
  /** Runs git in the clone; exit codes in `allow` are answers, others reject. */
  git(args: readonly string[], allow?: readonly number[]): Promise<ToolRun>;
  /** Stages everything in the work tree and commits it; false when there was nothing to commit. */
  commitAll(message: string): Promise<boolean>;
  /** Fetches and merges the remote branch; conflicts are left in the work tree and named. */
  pull(): Promise<PullResult>;
  /** Pushes; false when the remote has commits this clone has not merged (pull first). */
  push(): Promise<boolean>;
  /** Paths git holds unmerged (the conflicts of a merge under way), relative to the work tree. */
  conflicted(): Promise<readonly string[]>;
}

export interface GitTransport {
  readonly a: GitClone;
  readonly b: GitClone;
  /** The bare repository both clones push to and pull from. */
  readonly remote: string;
  /** Removes every folder it made. Safe to call twice. */
  remove(): Promise<void>;
}

function lines(text: string): string[] {
  return text.split('\n').filter((line) => line !== '');
}

function clone(name: string, folder: string, home: string): GitClone {
  const env = gitEnv(home);
  const git = (args: readonly string[], allow: readonly number[] = []) =>
    runTool(GIT, [...SETTINGS, ...args], { cwd: folder, env, allow });
  const conflicted = async () => lines((await git(['diff', '--name-only', '--diff-filter=U'])).stdout);
  return {
    name,
    folder,
    git,
    conflicted,
    commitAll: async (message) => {
      await git(['add', '--all']);
      const staged = await git(['diff', '--cached', '--quiet'], [1]);
      // A merge under way commits even with nothing staged beyond it.
      const merging = (await git(['rev-parse', '-q', '--verify', 'MERGE_HEAD'], [1])).code === 0;
      if (staged.code === 0 && !merging) return false;
      await git(['commit', '--quiet', '--no-verify', '-m', message]);
      return true;
    },
    pull: async () => {
      await git(['fetch', '--quiet', 'origin']);
      const merged = await git(['merge', '--no-edit', `origin/${BRANCH}`], [1]);
      if (merged.code === 0) return { conflicts: [] };
      const conflicts = await conflicted();
      if (conflicts.length === 0) throw new Error(`git merge failed in ${name}:\n${merged.stdout}${merged.stderr}`);
      return { conflicts };
    },
    push: async () => {
      const pushed = await git(['push', '--quiet', '--porcelain', 'origin', `HEAD:refs/heads/${BRANCH}`], [1]);
      if (pushed.code === 0) return true;
      if (/\[rejected\]|non-fast-forward|fetch first/.test(pushed.stdout + pushed.stderr)) return false;
      throw new Error(`git push failed in ${name}:\n${pushed.stdout}${pushed.stderr}`);
    },
  };
}

/** A bare repository with one empty commit, and two clones of it, A and B. */
export async function createGitTransport(): Promise<GitTransport> {
  const root = await mkdtemp(join(tmpdir(), 'shelfmark-git-'));
  const remote = join(root, 'remote.git');
  const home = join(root, 'home');
  let removed = false;
  const remove = async () => {
    if (removed) return;
    removed = true;
    await rm(root, { recursive: true, force: true });
  };
  try {
    await mkdir(home);
    const env = gitEnv(home);
    await runTool(GIT, [...SETTINGS, 'init', '--quiet', '--bare', remote], { env });
    // The repository has a first commit before either computer clones it, as one made for a library would.
    const first = join(root, 'first');
    await runTool(GIT, [...SETTINGS, 'clone', '--quiet', remote, first], { env });
    await runTool(GIT, [...SETTINGS, 'commit', '--quiet', '--allow-empty', '-m', 'A library repository'], {
      cwd: first,
      env,
    });
    await runTool(GIT, [...SETTINGS, 'push', '--quiet', 'origin', `HEAD:refs/heads/${BRANCH}`], { cwd: first, env });
    await rm(first, { recursive: true, force: true });
    const clones: GitClone[] = [];
    for (const name of ['A', 'B']) {
      const folder = join(root, name);
      await runTool(GIT, [...SETTINGS, 'clone', '--quiet', remote, folder], { env });
      clones.push(clone(name, folder, home));
    }
    const [a, b] = clones;
    if (a === undefined || b === undefined) throw new Error('two clones were made');
    return { a, b, remote, remove };
  } catch (error) {
    await remove();
    throw error;
  }
}
