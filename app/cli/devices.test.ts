/**
 * `shelfmark devices`, and a note written apart on two computers shown by `show` and resolved by `note --keep-…`:
 * two computers (two app-data folders) on two copies of a synced library, the files carried by the test.
 */

import { appendFile, mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { LibraryDevices, PaperDetail } from '../../core/api.js';
import type { Paper } from '../../core/model.js';
import { CliHarness, type CliResult } from '../../tests/cli-harness.js';
import { deviceIdentity } from '../sync/device-identity.js';
import { exchange as exchangeFiles, mark, type Computer } from '../sync/synced-test-rig.js';
import { openSyncedLibraryStore } from '../sync/synced-library-store.js';

const HOUR = 3_600_000;
const REFS = `@article{a, title = {On attention}, author = {Ada, Lovelace}, year = {2024}}
@article{b, title = {On memory}, author = {Grace, Hopper}, year = {2023}}
`;

let cli: CliHarness;
let opened: Computer[];

beforeEach(async () => {
  cli = await CliHarness.create();
  opened = [];
});

afterEach(async () => {
  await Promise.all(opened.map((computer) => computer.store.close()));
  await cli.remove();
});

interface Side {
  readonly computer: Computer;
  readonly run: (argv: readonly string[]) => Promise<CliResult>;
  readonly json: <T>(argv: readonly string[]) => Promise<T>;
}

/**
 * A computer named `name` (its own XDG_CONFIG_HOME) running the command line, and a store of its own beside it
 * (another process of that computer) whose clock is `aheadMs` ahead.
 */
async function computer(name: string, aheadMs = 0): Promise<Side> {
  const folder = join(cli.directory, `${name}-folder`);
  const config = join(cli.directory, `${name}-config`);
  const appData = join(config, 'Shelfmark');
  await mkdir(folder, { recursive: true });
  await deviceIdentity(appData, { name });
  const db = join(folder, 'library.json');
  const store = await openSyncedLibraryStore(db, { appData, now: () => Date.now() + aheadMs });
  const side: Computer = { name, appData, folder, store };
  opened.push(side);
  const env = { XDG_CONFIG_HOME: config };
  return {
    computer: side,
    run: (argv) => cli.run(argv, { db, env }),
    json: (argv) => cli.json(argv, { db, env }),
  };
}

const exchange = (a: Side, b: Side): Promise<void> => exchangeFiles(a.computer, b.computer);

async function twoComputers(desktopAheadMs = 0): Promise<{ laptop: Side; desktop: Side; id: string }> {
  const laptop = await computer('laptop');
  const desktop = await computer('desktop', desktopAheadMs);
  const refs = join(cli.directory, 'refs.bib');
  await writeFile(refs, REFS);
  expect((await laptop.run(['import', refs])).code).toBe(0);
  await exchange(laptop, desktop);
  const papers = await desktop.json<Paper[]>(['list']);
  const id = papers.find((paper) => paper.title === 'On attention')?.id ?? '';
  expect(id).not.toBe('');
  return { laptop, desktop, id };
}

const MINUTE_TEXT = /\d{4}-\d\d-\d\d \d\d:\d\d/;

describe('shelfmark devices', () => {
  it('lists each computer that wrote, this one first, with when it last wrote', async () => {
    const { laptop, desktop, id } = await twoComputers();
    expect((await desktop.run(['status', id, 'read'])).code).toBe(0);
    await exchange(laptop, desktop);
    const { code, stdout, stderr } = await laptop.run(['devices']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(new RegExp(`^laptop \\(this computer\\) — last wrote ${MINUTE_TEXT.source}, first `));
    expect(lines[1]).toMatch(new RegExp(`^desktop — last wrote ${MINUTE_TEXT.source}, first `));
    const listed = await laptop.json<LibraryDevices>(['devices']);
    expect(listed.devices.map((device) => [device.name, device.thisComputer])).toEqual([
      ['laptop', true],
      ['desktop', false],
    ]);
  });

  it('says in words a clock hours ahead and a line it cannot read', async () => {
    const { laptop, desktop, id } = await twoComputers(3 * HOUR);
    await mark(desktop.computer.store, id, 'read');
    await exchange(laptop, desktop);
    const logs = join(laptop.computer.folder, 'devices', desktop.computer.store.device.id);
    const log = (await readdir(logs)).find((file) => file.startsWith('ops.')) ?? '';
    await appendFile(join(logs, log), '{"damaged\n');
    const { code, stdout } = await laptop.run(['devices']);
    expect(code).toBe(0);
    expect(stdout).toContain('\nThe clock of desktop is 3 hours ahead of this computer’s; its changes are kept.\n');
    expect(stdout).toContain('Some of the library’s files cannot be read (yet):\n');
    expect(stdout).toContain(`  devices/${desktop.computer.store.device.id}/${log}, line 2: not a whole change (`);
    expect(stdout).toContain('That line is skipped; the rest of the file is read.\n');
  });

  it('lists this computer alone in a library no other computer wrote to', async () => {
    const laptop = await computer('laptop');
    const refs = join(cli.directory, 'refs.bib');
    await writeFile(refs, REFS);
    expect((await laptop.run(['import', refs])).code).toBe(0);
    expect((await laptop.run(['devices'])).stdout).toMatch(
      new RegExp(`^laptop \\(this computer\\) — last wrote ${MINUTE_TEXT.source}, first \\d{4}-\\d\\d-\\d\\d\\n$`),
    );
  });
});

describe('a note written apart on two computers, from the command line', () => {
  async function conflicted(): Promise<{ laptop: Side; desktop: Side; id: string; other: string }> {
    const sides = await twoComputers();
    const { laptop, desktop, id } = sides;
    expect((await laptop.run(['note', id, 'Read on the train.'])).code).toBe(0);
    expect((await desktop.run(['note', id, 'At my desk.'])).code).toBe(0);
    await exchange(laptop, desktop);
    const paper = await laptop.json<PaperDetail>(['show', id]);
    expect(paper.noteConflicts).toHaveLength(1);
    return { ...sides, other: paper.noteConflicts?.[0]?.text ?? '' };
  }

  it('is listed by show, numbered, with the computer and the time', async () => {
    const { laptop, id, other } = await conflicted();
    const { stdout } = await laptop.run(['show', id]);
    expect(stdout).toContain('\nThis note was also written on another computer at the same time (one version):\n');
    expect(stdout).toMatch(
      new RegExp(`\\n1\\. On (desktop|this computer \\(laptop\\)), ${MINUTE_TEXT.source}:\\n   ${other}\\n`),
    );
    expect(stdout).toContain(`Keep one with: shelfmark note ${id} --keep-conflict N`);
  });

  it('says, when the note is written again, that the versions stay beside it', async () => {
    const { laptop, id } = await conflicted();
    const written = await laptop.run(['note', id, 'Written again.']);
    expect(written.code).toBe(0);
    expect(written.stderr).toBe(
      `shelfmark: ${id}’s note also has a version written on another computer at the same time: shelfmark show ${id} lists it, and note --keep-note keeps yours alone.\n`,
    );
    expect((await laptop.json<PaperDetail>(['show', id])).noteConflicts).toHaveLength(1);
  });

  it('keeps the version chosen with --keep-conflict, on both computers once the files are carried', async () => {
    const { laptop, desktop, id, other } = await conflicted();
    const kept = await laptop.run(['note', id, '--keep-conflict', '1']);
    expect(kept.stderr).toBe('');
    expect(kept.stdout).toMatch(/note kept \(\d+ characters\); the other versions are gone/);
    await exchange(laptop, desktop);
    for (const side of [laptop, desktop]) {
      const paper = await side.json<PaperDetail>(['show', id]);
      expect(paper.note).toBe(other);
      expect(paper.noteConflicts).toBeUndefined();
      expect((await side.run(['show', id])).stdout).not.toContain('also written on another computer');
    }
  });

  it('keeps the note shown, or both texts, and says a wrong number or a note without versions', async () => {
    const { laptop, id, other } = await conflicted();
    const shown = (await laptop.json<PaperDetail>(['show', id])).note;
    const wrong = await laptop.run(['note', id, '--keep-conflict', '2']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain(`--keep-conflict takes the number of a version \`shelfmark show ${id}\` lists: 1.`);
    expect((await laptop.run(['note', id, 'text', '--keep-note'])).code).toBe(2);
    expect((await laptop.run(['note', id, '--keep-both'])).code).toBe(0);
    expect((await laptop.json<PaperDetail>(['show', id])).note).toBe(`${shown}\n\n---\n\n${other}`);
    const none = await laptop.run(['note', id, '--keep-note']);
    expect(none.code).toBe(4);
    expect(none.stderr).toContain('note was not written on another computer at the same time');
  });
});
