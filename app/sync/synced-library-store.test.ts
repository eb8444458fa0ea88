import { spawn } from 'node:child_process';
import { appendFile, copyFile, mkdtemp, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { readingStateOf } from '../../core/model.js';
import { snooze } from '../../core/reading.js';
import { canonicalJson } from '../../core/sync/canonical-json.js';
import { Prng } from '../../core/sync/simulation/prng.js';
import {
  carry,
  changeState,
  digest,
  filesOf,
  fullExchange,
  importDigest,
  mark,
  note,
  restart,
  startComputer,
  tag,
  type Computer,
} from './synced-test-rig.js';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'shelfmark-synced-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

async function twoComputers(): Promise<[Computer, Computer]> {
  return [await startComputer(root, 'laptop'), await startComputer(root, 'desktop')];
}

describe('a synced library on one computer', () => {
  it('keeps every change in its own files, and reads them back after a restart', async () => {
    const laptop = await startComputer(root, 'laptop');
    const [first = '', second = ''] = await importDigest(laptop.store, digest('Reading group', ['graphs', 'proteins']));
    await mark(laptop.store, first, 'read');
    await tag(laptop.store, first, 'ml');
    await note(laptop.store, second, 'Look at the appendix.');
    await changeState(laptop.store, second, (state, now) => snooze(state, '2031-01-01', now));
    const before = await laptop.store.read();
    expect(before.catalogue.papers.map((paper) => paper.title)).toEqual(['On graphs', 'On proteins']);
    expect(readingStateOf(before.states, first)).toMatchObject({ status: 'read', tags: ['ml'] });
    expect(readingStateOf(before.states, second)).toMatchObject({
      note: 'Look at the appendix.',
      snoozedUntil: '2031-01-01',
    });

    const files = [...(await filesOf(laptop.folder)).keys()];
    const id = laptop.store.device.id;
    expect(files).toEqual(
      expect.arrayContaining([`devices/${id}/ops.0.jsonl`, `devices/${id}/device.json`, 'library.json']),
    );
    expect(files.filter((path) => path.startsWith(`devices/${id}/imports/`))).toHaveLength(1);
    expect(JSON.parse(await readFile(join(laptop.folder, 'library.json'), 'utf8'))).toMatchObject({ schemaVersion: 4 });

    await restart(laptop);
    expect(await laptop.store.read()).toEqual(before);
  });

  it('still holds what it wrote when a sync tool takes its log away, and writes it again on compaction', async () => {
    const laptop = await startComputer(root, 'laptop');
    const [id = ''] = await importDigest(laptop.store, digest('Reading group', ['graphs']));
    await tag(laptop.store, id, 'folded');
    await laptop.store.compact();
    await tag(laptop.store, id, 'kept');
    await rm(join(laptop.folder, 'devices'), { recursive: true });
    await restart(laptop);
    expect(readingStateOf((await laptop.store.read()).states, id)?.tags).toEqual(['folded', 'kept']);
    await tag(laptop.store, id, 'more');
    await laptop.store.compact();
    const fresh = await startComputer(root, 'fresh', laptop.folder);
    expect(readingStateOf((await fresh.store.read()).states, id)?.tags).toEqual(['folded', 'kept', 'more']);
    expect((await fresh.store.read()).catalogue).toEqual((await laptop.store.read()).catalogue);
  });
});

describe('two computers on two copies of one folder', () => {
  it('each follows the other: a change carried in is found, its own changes are not', async () => {
    const [laptop, desktop] = await twoComputers();
    expect(await desktop.store.follow()).toBe(false);
    const [id = ''] = await importDigest(laptop.store, digest('Shared', ['graphs']));
    await tag(desktop.store, (await importDigest(desktop.store, digest('Mine', ['agents'])))[0] ?? '', 'own');
    expect(await desktop.store.follow()).toBe(false);
    await carry(laptop, desktop, null);
    expect(await desktop.store.follow()).toBe(true);
    expect(await desktop.store.follow()).toBe(false);
    expect((await desktop.store.read()).catalogue.papers.map((paper) => paper.id)).toContain(id);
  });

  it('converge to one library and one library.json, whatever order the files come in, keeping every change', async () => {
    const [laptop, desktop] = await twoComputers();
    const prng = new Prng(12);
    const [shared = ''] = await importDigest(laptop.store, digest('Shared', ['graphs', 'proteins', 'agents']));
    await carry(laptop, desktop, null);
    const acknowledged: { readonly paper: string; readonly tag: string }[] = [];
    const papers = (await laptop.store.read()).catalogue.papers.map((paper) => paper.id);
    for (let round = 0; round < 12; round++) {
      // Both write at once, neither seeing the other's changes of this round.
      await Promise.all(
        [laptop, desktop].map(async (computer, side) => {
          // A generator per side, so that how the two interleave does not change what either does.
          const own = new Prng(100 * round + side);
          for (let step = 0; step < 4; step++) {
            const paper = papers[own.below(papers.length)] ?? shared;
            const name = `${computer.name}-${round}-${step}`;
            await tag(computer.store, paper, name);
            acknowledged.push({ paper, tag: name });
            if (own.chance(0.3)) await mark(computer.store, paper, own.chance(0.5) ? 'read' : 'reading');
            if (step === side)
              await importDigest(computer.store, digest(`Round ${round}`, [`${computer.name} ${round}`]));
          }
        }),
      );
      await carry(laptop, desktop, prng);
      await carry(desktop, laptop, prng);
      if (prng.chance(0.3)) await restart(prng.chance(0.5) ? laptop : desktop);
      if (prng.chance(0.3)) await (prng.chance(0.5) ? laptop : desktop).store.compact();
    }
    await fullExchange(laptop, desktop);

    const [one, other] = [await laptop.store.read(), await desktop.store.read()];
    expect(other).toEqual(one);
    expect(await readFile(join(desktop.folder, 'library.json'))).toEqual(
      await readFile(join(laptop.folder, 'library.json')),
    );
    expect(one.catalogue.papers).toHaveLength(3 + 2 * 12);
    for (const { paper, tag: name } of acknowledged) expect(readingStateOf(one.states, paper)?.tags).toContain(name);

    // And a third computer that reads only their files sees the same.
    const third = await startComputer(root, 'third');
    await carry(laptop, third, null);
    expect(await third.store.read()).toEqual(one);
  });

  it('keep both notes written at once, one beside the other, until one is kept', async () => {
    const [laptop, desktop] = await twoComputers();
    const [id = ''] = await importDigest(laptop.store, digest('Shared', ['graphs']));
    await carry(laptop, desktop, null);
    await note(laptop.store, id, 'From the laptop.');
    await note(desktop.store, id, 'From the desktop.');
    await fullExchange(laptop, desktop);
    const view = await laptop.store.view();
    const shown = readingStateOf((await laptop.store.read()).states, id)?.note;
    const beside = view.conflicts.get(id)?.map((conflict) => conflict.text);
    expect([shown, ...(beside ?? [])].sort()).toEqual(['From the desktop.', 'From the laptop.']);
    expect((await desktop.store.view()).conflicts).toEqual(view.conflicts);
    // Started again from the first frame saved at close (the list from it, nothing read): the same conflicts.
    await laptop.store.readOutline();
    await restart(laptop);
    const frame = await laptop.store.readOutline();
    expect(readingStateOf(frame.states, id)?.note).toBe(shown);
    const fromFrame = await laptop.store.view(true);
    expect([...fromFrame.conflicts]).toEqual([...view.conflicts]);
    // Said by the saved frame: no device's files were read for it.
    expect(fromFrame.latest.size).toBe(0);

    await desktop.store.resolveNote(id, 'From the laptop.');
    await fullExchange(laptop, desktop);
    for (const computer of [laptop, desktop]) {
      expect(readingStateOf((await computer.store.read()).states, id)?.note).toBe('From the laptop.');
      expect((await computer.store.view()).conflicts.size).toBe(0);
    }
  });

  it('read a log whose last line is half-written up to it, and the line once it is whole', async () => {
    const [laptop, desktop] = await twoComputers();
    const [id = ''] = await importDigest(laptop.store, digest('Shared', ['graphs']));
    await carry(laptop, desktop, null);
    await tag(laptop.store, id, 'first');
    await tag(laptop.store, id, 'second');
    const log = `devices/${laptop.store.device.id}/ops.0.jsonl`;
    const whole = await readFile(join(laptop.folder, log));
    const cut = whole.lastIndexOf('\n', whole.length - 2) + 20;
    await writeFile(join(desktop.folder, log), whole.subarray(0, cut));
    expect(readingStateOf((await desktop.store.read()).states, id)?.tags).toEqual(['first']);
    expect((await desktop.store.view()).problems).toEqual([]);
    await appendFile(join(desktop.folder, log), whole.subarray(cut));
    expect(readingStateOf((await desktop.store.read()).states, id)?.tags).toEqual(['first', 'second']);
  });
});

describe('compaction', () => {
  it("folds a device's files into the next snapshot, keeps the generation before one compaction longer, and removes copies of its own files", async () => {
    const [laptop, desktop] = await twoComputers();
    const [id = ''] = await importDigest(laptop.store, digest('Shared', ['graphs']));
    await tag(laptop.store, id, 'one');
    const own = `devices/${laptop.store.device.id}`;
    const log = await readFile(join(laptop.folder, own, 'ops.0.jsonl'));
    await writeFile(join(laptop.folder, own, 'ops.0.sync-conflict-20250311-101112-ABCDEFG.jsonl'), log);
    await tag(desktop.store, (await importDigest(desktop.store, digest('Other', ['agents'])))[0] ?? '', 'theirs');
    await carry(desktop, laptop, null);
    const theirs = `devices/${desktop.store.device.id}`;
    await writeFile(join(laptop.folder, theirs, 'ops.0 (conflicted copy 2025-03-11).jsonl'), 'not mine to remove\n');

    await laptop.store.compact();
    let files = [...(await filesOf(laptop.folder)).keys()];
    expect(files).toEqual(expect.arrayContaining([`${own}/state.1.json`, `${own}/ops.0.jsonl`]));
    expect(files).not.toContain(`${own}/ops.0.sync-conflict-20250311-101112-ABCDEFG.jsonl`);
    expect(files).toContain(`${theirs}/ops.0 (conflicted copy 2025-03-11).jsonl`);

    await tag(laptop.store, id, 'two');
    expect([...(await filesOf(laptop.folder)).keys()]).toContain(`${own}/ops.1.jsonl`);
    await laptop.store.compact();
    files = [...(await filesOf(laptop.folder)).keys()];
    expect(files).toEqual(expect.arrayContaining([`${own}/state.2.json`, `${own}/state.1.json`, `${own}/ops.1.jsonl`]));
    expect(files).not.toContain(`${own}/ops.0.jsonl`);

    const fresh = await startComputer(root, 'fresh', laptop.folder);
    expect(await fresh.store.read()).toEqual(await laptop.store.read());
    expect(readingStateOf((await fresh.store.read()).states, id)?.tags).toEqual(['one', 'two']);
  });
});

describe('a writer killed mid-change', () => {
  const WRITER = fileURLToPath(new URL('../../tests/fixtures/synced-writer.ts', import.meta.url));
  const REPOSITORY = fileURLToPath(new URL('../..', import.meta.url));

  /** Starts a writer process; resolves with what it acknowledged once it has acknowledged `count`, then kills it. */
  function writeUntilKilled(computer: Computer, paper: string, prefix: string, count: number): Promise<string[]> {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', WRITER, join(computer.folder, 'library.json'), computer.appData, paper, prefix],
      { cwd: REPOSITORY, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    let err = '';
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    return new Promise((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        if (out.split('\n').length > count && child.exitCode === null) child.kill('SIGKILL');
      });
      child.on('exit', (code, signal) => {
        if (signal !== 'SIGKILL') reject(new Error(`the writer stopped (${code}): ${err}`));
        else
          resolve(
            out
              .split('\n')
              .filter((line) => line !== '')
              .map((n) => `${prefix}-${n}`),
          );
      });
    });
  }

  it('loses no acknowledged change, and the next process goes on writing', async () => {
    const laptop = await startComputer(root, 'laptop');
    const [id = ''] = await importDigest(laptop.store, digest('Shared', ['graphs']));
    await laptop.store.close();
    // Two processes of one computer at once: the lock in app-data keeps them apart.
    const acknowledged = (
      await Promise.all([writeUntilKilled(laptop, id, 'a', 12), writeUntilKilled(laptop, id, 'b', 12)])
    ).flat();
    // Taking turns, they append to one log: only a line a kill cut short sends the next change to a new one.
    const logs = [...(await filesOf(laptop.folder)).keys()].filter((file) => file.endsWith('.jsonl'));
    expect(logs.length).toBeLessThanOrEqual(3);
    await restart(laptop);
    const tags = readingStateOf((await laptop.store.read()).states, id)?.tags ?? [];
    for (const name of acknowledged) expect(tags).toContain(name);
    await tag(laptop.store, id, 'after');
    await restart(laptop);
    expect(readingStateOf((await laptop.store.read()).states, id)?.tags).toContain('after');
    const desktop = await startComputer(root, 'desktop');
    await carry(laptop, desktop, null);
    expect(await desktop.store.read()).toEqual(await laptop.store.read());
  }, 60_000);
});

// Opening from the derived cache (library.json names exactly the imports the folder holds, and where their records
// landed) gives the library folding every import gives; the first frame, from the cache's head and the outline, the
// same list and states; a cache of another import set, or damaged, is never used.

/** Two computers that imported the same work under two ids and changed papers, both with every file. */
async function sharedLibrary(): Promise<[Computer, Computer]> {
  const [laptop, desktop] = [await startComputer(root, 'laptop'), await startComputer(root, 'desktop')];
  const [graphs = ''] = await importDigest(laptop.store, digest('Reading group', ['graphs', 'proteins']));
  const [, cells = ''] = await importDigest(desktop.store, digest('Journal club', ['graphs', 'cells']));
  await mark(laptop.store, graphs, 'read');
  await tag(desktop.store, cells, 'biology');
  await note(desktop.store, graphs, 'Seen on the desktop.');
  await carry(laptop, desktop, null);
  await carry(desktop, laptop, null);
  await laptop.store.compact();
  await carry(laptop, desktop, null);
  return [laptop, desktop];
}

/** What a store reads, as one text; and what its first frame shows. */
async function readAll(computer: Computer): Promise<{ readonly library: string; readonly outline: string }> {
  await restart(computer);
  const outline = await computer.store.readOutline();
  const library = await computer.store.read();
  const view = await computer.store.view();
  return {
    library: canonicalJson({ ...library, conflicts: [...view.conflicts], waiting: view.waiting }),
    outline: canonicalJson(outline),
  };
}

/** What the folder's imports give, folded: the cache moved away. */
async function folded(computer: Computer): Promise<{ readonly library: string; readonly outline: string }> {
  const file = join(computer.folder, 'library.json');
  const kept = await readFile(file);
  await rm(file);
  try {
    return await readAll(computer);
  } finally {
    await writeFile(file, kept);
  }
}

describe('a synced library opened from its cache', () => {
  it('is the library folding its imports gives, its first frame too', async () => {
    const [laptop, desktop] = await sharedLibrary();
    const expected = await folded(laptop);
    expect(JSON.parse(expected.library)).toMatchObject({ catalogue: { papers: { length: 3 } } });
    // The cache now has its head and the outline is saved (a change or a compaction writes both).
    await laptop.store.compact();
    const first = await readAll(laptop);
    expect(first).toEqual(expected);
    expect(await readAll(laptop)).toEqual(expected);
    // The other computer, from the cache the sync tool brought.
    await carry(laptop, desktop, null);
    expect((await readAll(desktop)).library).toBe(expected.library);
  });

  it('goes on changing the library, and importing, as one folded', async () => {
    const [laptop] = await sharedLibrary();
    await laptop.store.compact();
    await restart(laptop);
    await laptop.store.readOutline();
    const [, proteins = ''] = (await laptop.store.read()).catalogue.papers.map((paper) => paper.id);
    await tag(laptop.store, proteins, 'later');
    await importDigest(laptop.store, digest('Seminar', ['proteins', 'ribosomes']));
    const after = await readAll(laptop);
    expect(after).toEqual(await folded(laptop));
    expect(JSON.parse(after.library)).toMatchObject({ catalogue: { papers: { length: 4 } } });
  });

  it('is not used when it names other imports (a copy a sync tool brought back), or is damaged', async () => {
    const [laptop, desktop] = await sharedLibrary();
    await laptop.store.compact();
    const older = join(root, 'older-library.json');
    await copyFile(join(laptop.folder, 'library.json'), older);
    await importDigest(desktop.store, digest('Seminar', ['ribosomes']));
    await carry(desktop, laptop, null);
    await copyFile(older, join(laptop.folder, 'library.json'));
    const expected = await folded(laptop);
    expect(JSON.parse(expected.library)).toMatchObject({ catalogue: { papers: { length: 4 } } });
    expect(await readAll(laptop)).toEqual(expected);

    // Its head whole, its papers cut short: a sync in progress.
    await laptop.store.compact();
    const file = join(laptop.folder, 'library.json');
    const text = await readFile(file, 'utf8');
    await truncate(file, text.indexOf('\n') + 20);
    expect(await readAll(laptop)).toEqual(expected);
  });

  it('starts from the first frame saved when it closed, while no file changed since', async () => {
    const [laptop, desktop] = await sharedLibrary();
    await laptop.store.compact();
    const expected = await folded(laptop);
    // Opened and closed: the outline of the cache there now, and the frame, saved; then opened from them.
    await readAll(laptop);
    expect(await readAll(laptop)).toEqual(expected);
    // Shown from the saved frame, it follows the folder: another computer's change arriving is told.
    await restart(laptop);
    await laptop.store.readOutline();
    expect(await laptop.store.follow()).toBe(false);
    const [first = ''] = (await desktop.store.read()).catalogue.papers.map((paper) => paper.id);
    await tag(desktop.store, first, 'arrived');
    await carry(desktop, laptop, null);
    expect(await laptop.store.follow()).toBe(true);
    // Nor is the saved frame used at the next start.
    const after = await readAll(laptop);
    expect(after.outline).toContain('arrived');
    expect(after).toEqual(await folded(laptop));
  });
});
