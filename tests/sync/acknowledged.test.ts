import { describe, expect, it } from 'vitest';
import type { Paper } from '../../core/model.js';
import { lostWrites, type AcknowledgedRun, type ListedPaper } from './acknowledged.js';

const paper = (changes: Partial<Paper>): ListedPaper => ({
  paper: { id: 'p', status: 'unread', note: '', tags: [], ...changes } as Paper,
  noteVersions: [],
});
const run = (device: string, round: number, ...argv: string[]): AcknowledgedRun => ({ device, round, argv });

describe('lostWrites', () => {
  const runs = [
    run('A', 0, 'status', 'p', 'read'),
    run('B', 1, 'status', 'p', 'reading'),
    run('A', 1, 'tag', 'p', 'x'),
    run('B', 1, 'untag', 'p', 'x'),
    run('A', 1, 'note', 'p', 'from A'),
    run('B', 1, 'note', 'p', 'from B'),
  ];

  it('finds nothing lost where the library holds the last round’s writes and both notes', () => {
    const listed = { ...paper({ status: 'reading', tags: ['x'], note: 'from B' }), noteVersions: ['from A'] };
    expect(lostWrites(runs, new Map([['p', listed]]), new Set([1]))).toEqual([]);
  });

  it('says which write is gone: an earlier round’s status, an unseen tag removed, a note dropped', () => {
    const listed = paper({ status: 'read', tags: [], note: 'from B' });
    expect(lostWrites(runs, new Map([['p', listed]]), new Set([1]))).toEqual([
      'status p is read, none of B in round 1: "reading"',
      'tag p x is gone after A in round 1: true; B in round 1: false',
      'note p lost A in round 1: "from A"',
    ]);
  });

  it('lets either show where the round was not held apart and a device may have seen the other', () => {
    const listed = paper({ status: 'reading', tags: [], note: 'from A' });
    expect(lostWrites(runs, new Map([['p', listed]]), new Set())).toEqual([]);
  });

  it('says a paper is missing', () => {
    expect(lostWrites(runs.slice(0, 1), new Map(), new Set())).toEqual(['status p: the paper is not in the library']);
  });
});
