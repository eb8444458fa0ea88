/**
 * The git harness against real git: what one clone commits and pushes the other pulls, both clones' commits merge
 * and converge, and a file both edited at once is left with git's conflict markers, from which `core/sync/` reads
 * both sides.
 */

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { conflictSides } from '../../core/sync/git-conflicts.js';
import { folderFiles, writeInFolder } from './folder-files.js';
import { createGitTransport, gitInstalled, type GitClone, type GitTransport } from './git-transport.js';
import { skipWithout } from './tool-presence.js';

const OPS = 'devices/laptop000001/ops.0.jsonl';

function write(clone: GitClone, path: string, text: string): Promise<void> {
  return writeInFolder(clone.folder, path, text);
}

/** Commits what the clone has and pushes it, pulling (merging) first when the remote is ahead. */
async function publish(clone: GitClone, message: string): Promise<void> {
  await clone.commitAll(message);
  if (await clone.push()) return;
  expect((await clone.pull()).conflicts).toEqual([]);
  expect(await clone.push()).toBe(true);
}

describe.skipIf(skipWithout('git', 'git', gitInstalled()))('two clones of a git repository', () => {
  let transport: GitTransport;
  beforeEach(async () => {
    transport = await createGitTransport();
  });
  afterEach(async () => {
    await transport.remove();
  });

  it('carry what A commits and pushes to B when B pulls', async () => {
    const { a, b } = transport;
    await write(a, OPS, '{"op":"status"}\n');
    expect(await a.commitAll('A writes')).toBe(true);
    expect(await a.commitAll('nothing more')).toBe(false);
    expect(await a.push()).toBe(true);
    expect(await b.pull()).toEqual({ conflicts: [] });
    expect((await folderFiles(b.folder)).get(OPS)).toBe('{"op":"status"}\n');
    const { stdout } = await b.git(['log', '-1', '--format=%an <%ae>']);
    expect(stdout.trim()).toBe('Shelfmark Tests <tests@shelfmark.invalid>');
  });

  it('merge, not rebase, and converge when both commit files of their own', async () => {
    const { a, b } = transport;
    await write(a, 'devices/laptop000001/device.json', '{"name":"laptop"}\n');
    await write(b, 'devices/desktop00001/device.json', '{"name":"desktop"}\n');
    await a.commitAll('A writes');
    await b.commitAll('B writes');
    expect(await a.push()).toBe(true);
    expect(await b.push()).toBe(false);
    await publish(b, 'B writes');
    expect(await a.pull()).toEqual({ conflicts: [] });

    expect(await folderFiles(a.folder)).toEqual(await folderFiles(b.folder));
    expect([...(await folderFiles(a.folder)).keys()]).toEqual([
      'devices/desktop00001/device.json',
      'devices/laptop000001/device.json',
    ]);
    const head = async (clone: GitClone) => (await clone.git(['rev-parse', 'HEAD'])).stdout;
    expect(await head(a)).toBe(await head(b));
    // B's pull made a merge commit: two parents.
    const { stdout } = await a.git(['log', '-1', '--format=%p']);
    expect(stdout.trim().split(' ')).toHaveLength(2);
  });

  it('leave a file both edited with conflict markers, from which core/sync reads both sides', async () => {
    const { a, b } = transport;
    const base = '{"stamp":"0000000000001","op":"status"}\n';
    await write(a, OPS, base);
    await publish(a, 'A writes');
    await b.pull();
    const onA = `${base}{"stamp":"0000000000002","op":"note","text":"written on A"}\n`;
    const onB = `${base}{"stamp":"0000000000003","op":"note","text":"written on B"}\n`;
    await write(a, OPS, onA);
    await write(b, OPS, onB);
    await publish(a, 'A edits');
    await b.commitAll('B edits');

    expect(await b.pull()).toEqual({ conflicts: [OPS] });
    expect(await b.conflicted()).toEqual([OPS]);
    const conflicted = await readFile(join(b.folder, OPS), 'utf8');
    expect(conflicted).toMatch(/^<<<<<<< HEAD$/m);
    expect(conflicted).toMatch(/^>>>>>>> origin\/main$/m);
    // Ours is B's edit, theirs A's.
    expect(conflictSides(conflicted)).toEqual([onB, onA]);

    // Resolved (here by keeping both lines), the merge commits and both clones converge.
    await write(b, OPS, `${onA}{"stamp":"0000000000003","op":"note","text":"written on B"}\n`);
    expect(await b.commitAll('B resolves')).toBe(true);
    expect(await b.conflicted()).toEqual([]);
    expect(await b.push()).toBe(true);
    expect(await a.pull()).toEqual({ conflicts: [] });
    expect(await folderFiles(a.folder)).toEqual(await folderFiles(b.folder));
  });
});
