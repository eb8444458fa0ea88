import { describe, expect, it } from 'vitest';

import { canonicalJson } from './canonical-json.js';
import { encodeChangeLine, encodeStateDocument } from './device-documents.js';
import { encodeStamp } from './hlc.js';
import { readLibraryFiles } from './library-files.js';
import { opId, stateOfOps, type SyncOp } from './ops.js';
import { parseLog, parseStateText } from './parse-device-files.js';
import { joinStates } from './sync-state.js';

const DEVICE = 'laptop0001';
const PAPER = { origin: '', id: '2401.00001' };
const stamp = (n: number): string => encodeStamp({ physical: 1_741_683_600_000 + n, logical: 0 });

function status(n: number, value: 'read' | 'reading' | 'unread'): SyncOp {
  return {
    kind: 'status',
    stamp: stamp(n),
    device: DEVICE,
    paper: PAPER,
    value: { status: value, readAt: null },
    seen: {},
  };
}

function tag(n: number, spelling: string): SyncOp {
  return { kind: 'tag', stamp: stamp(n), device: DEVICE, paper: PAPER, value: { spelling, since: stamp(n) }, seen: {} };
}

const ids = (ops: readonly SyncOp[]): string[] => ops.map(opId);
const line = (...ops: SyncOp[]): string => encodeChangeLine(DEVICE, ops);

describe("reading a device's log as a sync tool left it", () => {
  it('reads every whole line, and waits for a last line not yet whole', () => {
    const whole = line(status(1, 'reading')) + line(tag(2, 'gnn'), tag(3, 'survey'));
    const half = line(status(4, 'read')).slice(0, 30);
    const log = parseLog(whole + half);
    expect(ids(log.ops)).toEqual([opId(status(1, 'reading')), opId(tag(2, 'gnn')), opId(tag(3, 'survey'))]);
    expect(log).toMatchObject({ partial: true, problems: [] });
    expect(parseLog(whole).partial).toBe(false);
  });

  it('reads lines written twice as once', () => {
    const once = line(status(1, 'reading')) + line(tag(2, 'gnn'));
    const twice = once + line(tag(2, 'gnn')) + line(status(1, 'reading'));
    expect(canonicalJson(stateOfOps(parseLog(twice).ops))).toBe(canonicalJson(stateOfOps(parseLog(once).ops)));
  });

  it("reads every side of git's conflict markers as changes", () => {
    const common = line(status(1, 'reading'));
    const text = `${common}<<<<<<< HEAD\n${line(tag(2, 'ours'))}||||||| base\n=======\n${line(tag(3, 'theirs'))}>>>>>>> origin/main\n`;
    const log = parseLog(text);
    expect(ids(log.ops)).toEqual([opId(status(1, 'reading')), opId(tag(2, 'ours')), opId(tag(3, 'theirs'))]);
    expect(log.problems).toEqual([]);
  });

  it('skips a damaged line and a change of a newer Shelfmark, says so, and reads the rest', () => {
    const newer = `${JSON.stringify({ v: 1, device: DEVICE, ops: [{ kind: 'highlight', stamp: stamp(5) }, (JSON.parse(line(tag(6, 'kept'))) as { ops: unknown[] }).ops[0]] })}\n`;
    const text =
      line(status(1, 'read')) +
      '{"v":1,"device":"laptop0001","op\0\0\0\n' +
      newer +
      `{"v":2,"device":"${DEVICE}","ops":[]}\n`;
    const log = parseLog(text);
    expect(ids(log.ops)).toEqual([opId(status(1, 'read')), opId(tag(6, 'kept'))]);
    expect(log.problems.map((problem) => problem.line)).toEqual([2, 3, 4]);
    expect(log.problems[0]?.problem).toMatch(/^not a whole change/);
    expect(log.problems[1]?.problem).toMatch(/^change 1: kind/);
    expect(log.problems[2]?.problem).toMatch(/newer version of Shelfmark/);
  });
});

describe("reading a device's snapshot as a sync tool left it", () => {
  const older = stateOfOps([status(1, 'reading'), tag(2, 'gnn')]);
  const newer = stateOfOps([status(1, 'reading'), tag(2, 'gnn'), status(3, 'read'), tag(4, 'survey')]);

  it('reads nothing of a snapshot half-written, and says so', () => {
    const text = encodeStateDocument(DEVICE, newer, stamp(4));
    const parsed = parseStateText(text.slice(0, text.length / 2));
    expect(parsed.versions).toEqual([]);
    expect(parsed.problems[0]?.problem).toMatch(/^not whole yet, or damaged/);
  });

  it("reads both sides of git's conflict markers in a snapshot", () => {
    const ours = encodeStateDocument(DEVICE, older, stamp(2));
    const theirs = encodeStateDocument(DEVICE, stateOfOps([tag(5, 'later')]), stamp(5));
    const parsed = parseStateText(`<<<<<<< HEAD\n${ours}\n=======\n${theirs}\n>>>>>>> theirs\n`);
    expect(parsed.versions).toHaveLength(2);
    const joined = joinStates(parsed.versions.map((snapshot) => snapshot.state));
    expect(canonicalJson(joined)).toBe(
      canonicalJson(stateOfOps([status(1, 'reading'), tag(2, 'gnn'), tag(5, 'later')])),
    );
  });

  it("merges a conflicted copy of a device's files in with the files themselves", () => {
    const files = [
      { path: `devices/${DEVICE}/state.2.json`, text: encodeStateDocument(DEVICE, older, stamp(2)) },
      { path: `devices/${DEVICE}/ops.2.jsonl`, text: line(status(3, 'read')) },
      { path: `devices/${DEVICE}/ops.2.sync-conflict-20250311-101112-ABCDEFG.jsonl`, text: line(tag(4, 'survey')) },
      {
        path: `devices/${DEVICE}/state.2 (conflicted copy 2025-03-11).json`,
        text: encodeStateDocument(DEVICE, older, stamp(2)),
      },
      { path: 'library.json', text: '{"not":"read"}' },
    ];
    const read = readLibraryFiles(files);
    const mine = read.devices.get(DEVICE);
    expect(canonicalJson(mine?.state)).toBe(canonicalJson(newer));
    expect(mine?.generations).toEqual([2]);
    expect(mine?.copies).toEqual([files[2]?.path, files[3]?.path]);
    expect(mine?.latest).toBe(stamp(4));
    expect(read.problems).toEqual([]);
  });
});
