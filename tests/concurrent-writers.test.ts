/**
 * Several writers on one library at once: real `shelfmark` processes (the built CLI, bin/shelfmark.js), and
 * in-process LibraryService instances (the desktop app and browser mode) mixed with a CLI process. Every change
 * each of them made must be in the library at the end, and nothing else may have changed.
 */

import { execFile } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { dirname } from 'node:path';

import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { LibraryService } from '../app/library-service.js';
import type { Paper, ReadingStatus } from '../core/model.js';
import { CliHarness, SAMPLE, type CliResult } from './cli-harness.js';
import { BIN, ensureBuilt, REPOSITORY } from './fixtures/built-cli.js';

/** Runs the real command line in its own process. */
function shelfmark(db: string, args: readonly string[]): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [BIN, '--db', db, '--json', ...args],
      { cwd: REPOSITORY, timeout: 60_000, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error !== null && typeof error.code !== 'number') reject(new Error(error.message, { cause: error }));
        else resolve({ code: error === null ? 0 : Number(error.code), stdout, stderr });
      },
    );
  });
}

async function shelfmarkOk(db: string, args: readonly string[]): Promise<unknown> {
  const result = await shelfmark(db, args);
  expect(result.stderr, `shelfmark ${args.join(' ')}`).toBe('');
  expect(result.code, `shelfmark ${args.join(' ')}`).toBe(0);
  return JSON.parse(result.stdout) as unknown;
}

/** What the library should hold for one paper: tags as a set, since writers tag the shared paper in any order. */
interface Expected {
  status: ReadingStatus;
  note: string;
  tags: Set<string>;
}

class Expectation {
  readonly papers = new Map<string, Expected>();

  constructor(ids: readonly string[]) {
    for (const id of ids) this.papers.set(id, { status: 'unread', note: '', tags: new Set() });
  }

  private of(id: string): Expected {
    const paper = this.papers.get(id);
    if (paper === undefined) throw new Error(`no paper ${id}`);
    return paper;
  }

  status(id: string, status: ReadingStatus): void {
    this.of(id).status = status;
  }

  note(id: string, note: string): void {
    this.of(id).note = note;
  }

  tag(id: string, tag: string): void {
    this.of(id).tags.add(tag);
  }

  /** Every difference between the library and what it should hold. */
  check(papers: readonly Paper[]): string[] {
    const problems: string[] = [];
    if (papers.length !== this.papers.size) problems.push(`${papers.length} papers, expected ${this.papers.size}`);
    for (const paper of papers) {
      const expected = this.papers.get(paper.id);
      if (expected === undefined) {
        problems.push(`unexpected paper ${paper.id}`);
        continue;
      }
      if (paper.status !== expected.status)
        problems.push(`${paper.id}: status ${paper.status}, expected ${expected.status}`);
      if (paper.note !== expected.note)
        problems.push(`${paper.id}: note ${JSON.stringify(paper.note)}, expected ${JSON.stringify(expected.note)}`);
      const tags = [...paper.tags].sort();
      const wanted = [...expected.tags].sort();
      if (JSON.stringify(tags) !== JSON.stringify(wanted))
        problems.push(`${paper.id}: tags [${tags.join(' ')}], expected [${wanted.join(' ')}]`);
      if (new Set(paper.tags).size !== paper.tags.length)
        problems.push(`${paper.id}: a tag twice: ${paper.tags.join(' ')}`);
    }
    return problems;
  }
}

/** Command `i` of a writer: on its own paper a status, a tag or a note; every fourth one tags the shared paper. */
function command(
  writer: string,
  i: number,
  own: string,
  shared: string,
): { args: string[]; apply: (e: Expectation) => void } {
  const tag = `${writer}-c${i}`;
  switch (i % 4) {
    case 0: {
      const status: ReadingStatus = i % 8 === 0 ? 'read' : 'reading';
      return { args: ['status', own, status], apply: (e) => e.status(own, status) };
    }
    case 1:
      return { args: ['tag', own, tag], apply: (e) => e.tag(own, tag) };
    case 2: {
      const note = `Note by ${writer}, command ${i}: “ünïcødé”, $math$, <b>not html</b>\nsecond line`;
      return { args: ['note', own, note], apply: (e) => e.note(own, note) };
    }
    default:
      return { args: ['tag', shared, tag], apply: (e) => e.tag(shared, tag) };
  }
}

/** Temp files or a lock left beside the library. */
async function leftovers(db: string): Promise<string[]> {
  return (await readdir(dirname(db))).filter((name) => name.endsWith('.tmp') || name.endsWith('.lock'));
}

beforeAll(async () => {
  await ensureBuilt();
}, 120_000);

let harness: CliHarness;
let ids: string[];
let expectation: Expectation;

beforeEach(async () => {
  harness = await CliHarness.create();
  expect((await harness.run(['import', SAMPLE])).code).toBe(0);
  ids = (await harness.json<Paper[]>(['list'])).map((paper) => paper.id);
  expect(ids).toHaveLength(32);
  expectation = new Expectation(ids);
  // State from before the writers start, which they must not lose: a note and a tag on the shared paper.
  const shared = ids[3] ?? '';
  await harness.json(['note', shared, 'Written before the writers started.']);
  expectation.note(shared, 'Written before the writers started.');
  await harness.json(['tag', shared, 'before']);
  expectation.tag(shared, 'before');
});

afterEach(async () => {
  await harness.remove();
});

describe('concurrent writers on one library', () => {
  it('keeps every change of 4 command-line processes running at once (8 commands each)', async () => {
    const started = Date.now();
    const shared = ids[3] ?? '';
    const writers = [0, 1, 2, 3].map((g) => ({
      name: `cli${g}`,
      commands: Array.from({ length: 8 }, (_, i) => command(`cli${g}`, i, ids[g * 8 + i] ?? '', shared)),
    }));
    for (const writer of writers) for (const { apply } of writer.commands) apply(expectation);

    // Each writer runs its commands one after another, so that four processes run at any moment.
    const printed = await Promise.all(
      writers.map(async (writer) => {
        const papers: Paper[] = [];
        for (const { args } of writer.commands) papers.push((await shelfmarkOk(harness.db, args)) as Paper);
        return papers;
      }),
    );
    // What each command printed is the paper as it saved it.
    for (const [w, writer] of writers.entries()) {
      for (const [i, { args }] of writer.commands.entries()) {
        const paper = printed[w]?.[i];
        if (args[0] === 'tag') expect(paper?.tags, args.join(' ')).toContain(args[2]);
        if (args[0] === 'status') expect(paper?.status, args.join(' ')).toBe(args[2]);
        if (args[0] === 'note') expect(paper?.note, args.join(' ')).toBe(args[2]);
      }
    }

    const listed = (await shelfmarkOk(harness.db, ['list'])) as Paper[];
    expect(expectation.check(listed)).toEqual([]);
    expect(await leftovers(harness.db)).toEqual([]);
    console.log(`concurrent-writers: 4 processes × 8 commands in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }, 120_000);

  it('keeps every change when the desktop app and browser mode (two services in one process) write while a CLI process does', async () => {
    const started = Date.now();
    const shared = ids[3] ?? '';
    const desktop = new LibraryService(harness.db, { sampleDigest: SAMPLE });
    const browser = new LibraryService(harness.db, { sampleDigest: SAMPLE });
    try {
      // Each service's own papers: desktop 8–15, browser 16–23; the CLI 24–31; everyone tags the shared paper.
      const serviceWriter = async (service: LibraryService, name: string, first: number): Promise<number> => {
        let calls = 0;
        for (let i = 0; i < 24; i++) {
          const own = ids[first + (i % 8)] ?? '';
          const tag = `${name}-${i}`;
          if (i % 4 === 0) {
            const status: ReadingStatus = i % 8 === 0 ? 'read' : 'reading';
            await service.setStatus([own], status);
            expectation.status(own, status);
          } else if (i % 4 === 1) {
            await service.addTags([own], [tag]);
            expectation.tag(own, tag);
          } else if (i % 4 === 2) {
            const note = `${name} note ${i} ✓`;
            await service.setNote(own, note);
            expectation.note(own, note);
          } else {
            await service.addTags([shared], [tag]);
            expectation.tag(shared, tag);
          }
          calls++;
          // The long-lived front ends also fold the journal and rewrite the catalogue now and then.
          if (i === 9) await (name === 'desktop' ? service.compact() : service.importSample());
          if (i === 17) await (name === 'desktop' ? service.importSample() : service.compact());
          // Each sees the others' changes without reopening.
          if (i % 6 === 5) expect((await service.getLibrary()).papers).toHaveLength(32);
        }
        return calls;
      };
      const cliWriter = async (): Promise<number> => {
        const commands = Array.from({ length: 8 }, (_, i) => command('cli', i, ids[24 + i] ?? '', shared));
        for (const { args, apply } of commands) {
          await shelfmarkOk(harness.db, args);
          apply(expectation);
        }
        return commands.length;
      };

      const calls = await Promise.all([
        serviceWriter(desktop, 'desktop', 8),
        serviceWriter(browser, 'browser', 16),
        cliWriter(),
      ]);
      expect(calls).toEqual([24, 24, 8]);

      for (const service of [desktop, browser])
        expect(expectation.check((await service.getLibrary()).papers)).toEqual([]);
      expect(expectation.check((await shelfmarkOk(harness.db, ['list'])) as Paper[])).toEqual([]);
      const fresh = new LibraryService(harness.db, { sampleDigest: SAMPLE });
      expect(expectation.check((await fresh.getLibrary()).papers)).toEqual([]);
      await fresh.close();
      expect(await leftovers(harness.db)).toEqual([]);
    } finally {
      await desktop.close();
      await browser.close();
    }
    console.log(
      `concurrent-writers: 2 services × 24 calls + 1 CLI process × 8 commands in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
  }, 120_000);
});
