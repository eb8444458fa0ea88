/**
 * Hostile input: every file of tests/hostile/corpus.ts goes to every importer — format detection
 * (`parseDigestFile`, what the app and the CLI call) and each format's parser directly — and then through
 * `shelfmark import` into a library that already holds the user's state.
 *
 * Each importer must return a result or throw a DigestError whose message is one clean line; anything else
 * (another exception, a hang past LIMIT_MS, running out of memory) is a bug. The importers run in a separate
 * process (tests/hostile/parse-worker.ts) that is killed and restarted when one hangs or dies.
 * Where nothing could be imported, the CLI must exit non-zero, name the file and the reason on one line of
 * stderr, and leave every library file byte for byte as it was. Where a hostile file does import, its text must
 * be kept exactly (a title keeps its literal `<script>`) and no link may be anything but an http(s) URL.
 *
 * Known product bugs are listed in KNOWN_BUGS: the main tests pass over them, and each has an `it.fails` test
 * that asserts the right behaviour, so that it turns red (remove it from the list) once the bug is fixed.
 */

import { fork, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { LibraryService } from '../app/library-service.js';
import { MAX_DIGEST_BYTES } from '../core/import/decode.js';
import type { Paper } from '../core/model.js';
import { normalizeTag } from '../core/reading.js';
import { isHttpLink } from '../core/links.js';
import { CliHarness, SAMPLE } from './cli-harness.js';
import { hostileCorpus, type HostileInput } from './hostile/corpus.js';
import { PARSERS, type ParseReply, type ParserName, type ParseRequest } from './hostile/protocol.js';

const REPOSITORY = fileURLToPath(new URL('..', import.meta.url));
const WORKER = fileURLToPath(new URL('./hostile/parse-worker.ts', import.meta.url));
/**
 * How long one importer may take on one input: a few seconds, plus a quarter of a second per MiB, as reading
 * tens of megabytes takes a while even when it takes linear time, and more on a busy CI machine. HOSTILE_LIMIT_MS overrides the base.
 */
const LIMIT_MS = Number(process.env['HOSTILE_LIMIT_MS'] ?? 2_000);
const LIMIT_MS_PER_MIB = 500;
const SLOW_MS = 1_000;

// ---------------------------------------------------------------- known product bugs

interface KnownBug {
  readonly summary: string;
  /** Which inputs show it, and the violation they show. */
  readonly inputs: RegExp;
  readonly violation: RegExp;
}

const KNOWN_BUGS: readonly KnownBug[] = [];

function knownBugOf(violation: string): KnownBug | undefined {
  const name = violation.split(' › ')[0] ?? '';
  return KNOWN_BUGS.find((bug) => bug.inputs.test(name) && bug.violation.test(violation));
}

// ---------------------------------------------------------------- the parser process

type Outcome =
  | ParseReply
  | { readonly outcome: 'timeout'; readonly ms: number; readonly limit: number }
  | { readonly outcome: 'died'; readonly ms: number; readonly detail: string };

/** A child process running tests/hostile/parse-worker.ts, once it has said it is ready. */
async function startWorker(): Promise<ChildProcess> {
  const child = fork(WORKER, [], {
    cwd: REPOSITORY,
    execArgv: ['--import', 'tsx', '--max-old-space-size=1536'],
    serialization: 'advanced',
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  child.stderr?.resume();
  await new Promise<void>((resolve, reject) => {
    child.once('message', () => resolve());
    child.once('exit', (code) => reject(new Error(`the parser process exited (${code}) before it was ready`)));
  });
  child.removeAllListeners('exit');
  return child;
}

/**
 * Runs the importers in a long-lived child process, killed when one overruns its limit. A spare is kept
 * started, so that replacing a killed process costs no start-up time.
 */
class ParserProcess {
  private child: Promise<ChildProcess> | null = null;
  private spare: Promise<ChildProcess> | null = null;
  private nextId = 0;
  restarts = 0;

  private take(): Promise<ChildProcess> {
    if (this.child === null) {
      this.child = this.spare ?? startWorker();
      this.spare = startWorker();
    }
    return this.child;
  }

  async run(input: Omit<ParseRequest, 'id'>, limit: number): Promise<Outcome> {
    const child = await this.take();
    const id = this.nextId++;
    const started = performance.now();
    let stderr = '';
    const onStderr = (chunk: Buffer): void => {
      stderr = (stderr + chunk.toString('utf8')).slice(-2000);
    };
    child.stderr?.on('data', onStderr);
    try {
      return await new Promise<Outcome>((resolve) => {
        const timer = setTimeout(() => {
          this.replace(child);
          resolve({ outcome: 'timeout', ms: performance.now() - started, limit });
        }, limit);
        child.on('message', function onMessage(reply: ParseReply) {
          if (reply.id !== id) return;
          clearTimeout(timer);
          child.off('message', onMessage);
          resolve(reply);
        });
        child.once('exit', (code, signal) => {
          clearTimeout(timer);
          this.replace(child);
          const detail = `exit ${code ?? signal}: ${stderr.trim().split('\n').slice(-3).join(' | ')}`;
          resolve({ outcome: 'died', ms: performance.now() - started, detail });
        });
        child.send({ id, ...input } satisfies ParseRequest);
      });
    } finally {
      child.stderr?.off('data', onStderr);
      child.removeAllListeners('exit');
    }
  }

  /** Kills `child`: the spare takes over at the next run. */
  private replace(child: ChildProcess): void {
    child.kill('SIGKILL');
    this.child = null;
    this.restarts++;
  }

  async stop(): Promise<void> {
    for (const child of [this.child, this.spare]) (await child)?.kill('SIGKILL');
    this.child = null;
    this.spare = null;
  }
}

// ---------------------------------------------------------------- checks

/** A user-facing message: one line, no control characters, not a wall of text. */
function messageProblem(message: string): string | null {
  if (message.trim() === '') return 'the message is empty';
  if (/[\p{Cc}\u2028\u2029]/u.test(message)) {
    return `message is not one clean line (it has a line break or control character): ${JSON.stringify(message.slice(0, 200))}`;
  }
  if (message.length > 1000) return `the message is ${message.length} characters long`;
  return null;
}

function describeOutcome(outcome: Outcome): string {
  switch (outcome.outcome) {
    case 'result':
      return `${outcome.papers} papers`;
    case 'digest-error':
      return `DigestError: ${outcome.message.slice(0, 200)}`;
    case 'other-error':
      return `${outcome.errorName}: ${outcome.message.slice(0, 200)}`;
    case 'timeout':
      return `still running after ${Math.round(outcome.limit)} ms`;
    case 'died':
      return `the process died (${outcome.detail})`;
  }
}

/** What is wrong with one importer's outcome on one input. */
function violationsOf(input: HostileInput, parser: ParserName, outcome: Outcome): string[] {
  const where = `${input.name} › ${parser}`;
  const problems: string[] = [];
  switch (outcome.outcome) {
    case 'timeout':
      problems.push(`${where}: still running after ${Math.round(outcome.limit)} ms (killed)`);
      break;
    case 'died':
      problems.push(`${where}: the parser process died: ${outcome.detail}`);
      break;
    case 'other-error':
      problems.push(`${where}: threw ${outcome.errorName}, not DigestError: ${outcome.message.slice(0, 200)}`);
      break;
    case 'digest-error': {
      const problem = messageProblem(outcome.message);
      if (problem !== null) problems.push(`${where}: ${problem}`);
      break;
    }
    case 'result':
      for (const problem of outcome.problems) problems.push(`${where}: ${problem}`);
      break;
  }
  if (parser !== 'detect') return problems;

  if (input.detection === 'reject') {
    if (outcome.outcome === 'result') problems.push(`${where}: imported ${outcome.papers} papers; it must be refused`);
    if (outcome.outcome === 'digest-error' && input.message !== undefined && !input.message.test(outcome.message)) {
      problems.push(`${where}: refused with "${outcome.message}", which does not match ${String(input.message)}`);
    }
  }
  if (input.detection === 'import') {
    if (outcome.outcome !== 'result') problems.push(`${where}: refused (${describeOutcome(outcome)}); it must import`);
    else {
      for (const title of input.titles ?? []) {
        if (!outcome.titles.includes(title))
          problems.push(
            `${where}: the title ${JSON.stringify(title)} did not come through exactly; titles: ${JSON.stringify(outcome.titles.slice(0, 10))}`,
          );
      }
    }
  }
  return problems;
}

// ---------------------------------------------------------------- the tests

describe('hostile input', () => {
  const corpus = hostileCorpus();
  const parser = new ParserProcess();
  const outcomes = new Map<string, Map<ParserName, Outcome>>();
  const files = new Map<string, string>();
  const sizes = new Map<string, number>();
  const violations: string[] = [];
  const slow: string[] = [];
  const cliSkipped: string[] = [];
  const timing = { parse: 0, cli: 0, cliRuns: 0, started: Date.now() };
  let directory: string;

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'shelfmark-hostile-'));
  });

  afterAll(async () => {
    await parser.stop();
    // HOSTILE_REPORT=file.json: what every importer did with every input, for a closer look.
    const report = process.env['HOSTILE_REPORT'];
    if (report !== undefined && report !== '') {
      const table = Object.fromEntries(
        [...outcomes].map(([name, byParser]) => [
          name,
          Object.fromEntries([...byParser].map(([parserName, outcome]) => [parserName, describeOutcome(outcome)])),
        ]),
      );
      await writeFile(report, JSON.stringify(table, null, 2));
    }
    await rm(directory, { recursive: true, force: true });
    const known = violations.filter((violation) => knownBugOf(violation) !== undefined);
    console.log(
      [
        `hostile-input: ${corpus.length} inputs tried, ${corpus.length * PARSERS.length} importer calls (${PARSERS.join(', ')}), ${timing.cliRuns} CLI imports; ` +
          `importers ${(timing.parse / 1000).toFixed(1)} s, CLI ${(timing.cli / 1000).toFixed(1)} s, all ${((Date.now() - timing.started) / 1000).toFixed(1)} s; parser process restarted ${parser.restarts} times`,
        `slow (> ${SLOW_MS} ms): ${slow.length === 0 ? 'none' : `\n  ${slow.join('\n  ')}`}`,
        `violations from known bugs: ${known.length === 0 ? 'none' : `\n  ${known.join('\n  ')}`}`,
        `not imported through the CLI (the importer hung or died): ${cliSkipped.length === 0 ? 'none' : cliSkipped.join(', ')}`,
      ].join('\n'),
    );
  });

  it('every importer returns a result or throws a DigestError with a clean message, within the time limit', async () => {
    const started = Date.now();
    for (const input of corpus) {
      const folder = join(directory, 'inputs', input.name);
      await mkdir(folder, { recursive: true });
      const file = join(folder, input.fileName);
      const bytes = input.bytes();
      await writeFile(file, bytes);
      files.set(input.name, file);
      sizes.set(input.name, bytes.length);
      const byParser = new Map<ParserName, Outcome>();
      const limit = LIMIT_MS + (bytes.length / 1024 / 1024) * LIMIT_MS_PER_MIB;
      for (const name of PARSERS) {
        const outcome = await parser.run({ file, fileName: input.fileName, parser: name }, limit);
        byParser.set(name, outcome);
        if (outcome.ms > SLOW_MS)
          slow.push(`${input.name} › ${name}: ${Math.round(outcome.ms)} ms (${describeOutcome(outcome)})`);
        violations.push(...violationsOf(input, name, outcome));
      }
      outcomes.set(input.name, byParser);
    }
    timing.parse = Date.now() - started;
    expect(violations.filter((violation) => knownBugOf(violation) === undefined)).toEqual([]);
  }, 600_000);

  it('through the CLI: a refused file changes no byte of the library and is named with its reason on one line; an imported one stays inert text', async () => {
    const started = Date.now();
    const harness = await CliHarness.create();
    try {
      // A library with the user's own state in it.
      expect((await harness.run(['import', SAMPLE])).code).toBe(0);
      const ids = (await harness.json<Paper[]>(['list'])).map((paper) => paper.id);
      const userState = new Map<string, { note: string; tags: string[] }>();
      for (const [index, id] of ids.slice(0, 6).entries()) {
        const note = `My own note ${index}: keep me. <b>bold</b> $x^2$`;
        await harness.json(['note', id, note]);
        await harness.json(['tag', id, `mine-${index}`]);
        await harness.json(['status', id, index % 2 === 0 ? 'read' : 'reading']);
        userState.set(id, { note, tags: [`mine-${index}`] });
      }

      async function checkImported(input: HostileInput, where: string): Promise<void> {
        const service = new LibraryService(harness.db, { sampleDigest: SAMPLE });
        const papers = await service.listPapers({}).finally(() => service.close());
        const titles = new Set(papers.map((paper) => paper.title));
        for (const title of input.titles ?? [])
          if (!titles.has(title))
            violations.push(`${where}: the title ${JSON.stringify(title)} is not in the library exactly`);
        for (const [title, note] of Object.entries(input.notes ?? {})) {
          const paper = papers.find((candidate) => candidate.title === title);
          if (paper?.note !== note)
            violations.push(
              `${where}: the note of "${title}" is ${JSON.stringify(paper?.note)}, not ${JSON.stringify(note)}`,
            );
        }
        for (const paper of papers) {
          for (const link of paper.links)
            if (!isHttpLink(link))
              violations.push(
                `${where}: the library now has the link ${JSON.stringify(link.slice(0, 100))} on ${paper.id}`,
              );
          for (const tag of paper.tags) {
            let normal: string | null = null;
            try {
              normal = normalizeTag(tag);
            } catch {
              // below
            }
            if (normal !== tag)
              violations.push(
                `${where}: the library now has the tag ${JSON.stringify(tag.slice(0, 100))}, which Shelfmark refuses or changes`,
              );
          }
        }
        for (const [id, state] of userState) {
          const paper = papers.find((candidate) => candidate.id === id);
          if (paper?.note !== state.note || !state.tags.every((tag) => paper.tags.includes(tag))) {
            violations.push(
              `${where}: the user's own state of ${id} changed: ${JSON.stringify({ note: paper?.note, tags: paper?.tags })}`,
            );
          }
        }
      }

      for (const input of corpus) {
        const file = files.get(input.name);
        const detected = outcomes.get(input.name)?.get('detect');
        if (file === undefined || detected === undefined) throw new Error(`${input.name} was not parsed first`);
        if (detected.outcome === 'timeout' || detected.outcome === 'died') {
          cliSkipped.push(input.name);
          continue;
        }
        const where = `${input.name} › cli`;
        const before = await harness.files();
        const result = await harness.run(['import', file]);
        timing.cliRuns++;

        // The CLI must agree with the importer; where that threw something else (a known bug), either is checked.
        if (detected.outcome === 'digest-error' && result.code === 0)
          violations.push(`${where}: exit 0 though nothing could be imported`);
        if (detected.outcome === 'result' && result.code !== 0) {
          violations.push(`${where}: exit ${result.code}, though the importer read it: ${result.stderr.slice(0, 300)}`);
        }
        if (result.code !== 0) {
          const lines = result.stderr.split('\n');
          const prefix = `shelfmark: ${file}: `;
          const reason = lines[0]?.startsWith(prefix) ? lines[0].slice(prefix.length) : null;
          if (lines.length !== 3 || lines[2] !== '' || reason === null || reason.trim() === '') {
            violations.push(
              `${where}: stderr is not "shelfmark: FILE: REASON" and the summary line: ${JSON.stringify(result.stderr.slice(0, 300))}`,
            );
          } else if (
            (sizes.get(input.name) ?? 0) <= MAX_DIGEST_BYTES &&
            detected.outcome === 'digest-error' &&
            reason !== detected.message &&
            !/too large/.test(reason)
          ) {
            violations.push(`${where}: the reason "${reason}" is not the importer's "${detected.message}"`);
          }
          if (/[\p{Cc}]/u.test(result.stderr.replace(/\n/g, '')))
            violations.push(`${where}: stderr has a control character`);
          const after = await harness.files();
          const changed = [...new Set([...before.keys(), ...after.keys()])].filter(
            (path) => !before.get(path)?.equals(after.get(path) ?? Buffer.alloc(0)) || !after.has(path),
          );
          if (changed.length > 0) violations.push(`${where}: refused, yet changed ${changed.join(', ')}`);
          continue;
        }

        await checkImported(input, where);
        // Back to the library as it was, so that every input meets the same library, and a big one does not slow the rest.
        const after = await harness.files();
        for (const path of after.keys()) if (!before.has(path)) await rm(path, { recursive: true, force: true });
        // Each file is replaced, as the store replaces its files: it takes a journal changed in place to have grown.
        for (const [path, bytes] of before) {
          if (after.get(path)?.equals(bytes)) continue;
          await writeFile(`${path}.restore`, bytes);
          await rename(`${path}.restore`, path);
        }
      }
    } finally {
      await harness.remove();
    }
    timing.cli = Date.now() - started;
    expect(
      violations.filter((violation) => violation.includes(' › cli') && knownBugOf(violation) === undefined),
    ).toEqual([]);
  }, 600_000);

  it('the CLI shows control and bidi characters in what it prints to stderr as escapes, one message a line', async () => {
    const harness = await CliHarness.create();
    try {
      const missing = join(harness.directory, 'no\u001b[31m\u202efile\n.bib');
      expect(await harness.run(['import', missing])).toEqual({
        code: 7,
        stdout: '',
        stderr: `shelfmark: There is no file or folder ${harness.directory}/no\\x1b[31m\\u202efile\\x0a.bib. Check the name and the folder.\nshelfmark: nothing was imported; the library is unchanged.\n`,
      });
      // A paper is looked for in a library: without one, the command says there is none.
      expect((await harness.run(['import', SAMPLE])).code).toBe(0);
      expect(await harness.run(['show', 'x\u001b]0;owned\u0007\r\n\u2066y'])).toMatchObject({
        code: 3,
        stderr: 'shelfmark: No paper has the id "x\\x1b]0;owned\\x07 \\u2066y".\n',
      });
      expect(await harness.run(['frob\u009b31m'])).toMatchObject({
        code: 2,
        stderr: 'shelfmark: "frob\\x9b31m" is not a command. (see "shelfmark --help")\n',
      });
    } finally {
      await harness.remove();
    }
  });

  for (const bug of KNOWN_BUGS) {
    it.fails(`KNOWN BUG: ${bug.summary}`, () => {
      const inputs = corpus.filter((input) => bug.inputs.test(input.name)).map((input) => input.name);
      expect(inputs.length, 'the corpus has inputs that show it').toBeGreaterThan(0);
      expect(violations.filter((violation) => knownBugOf(violation) === bug)).toEqual([]);
    });
  }
});
