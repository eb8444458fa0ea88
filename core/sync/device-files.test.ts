import { describe, expect, it } from 'vitest';

import { classifyPath } from './device-files.js';

const DEVICE = 'laptop0001';

describe("the names of a synced library's files", () => {
  it.each([
    ['devices/laptop0001/ops.3.jsonl', { kind: 'ops', generation: 3 }],
    ['devices/laptop0001/state.12.json', { kind: 'state', generation: 12 }],
    ['devices/laptop0001/imports/0lquoxxnn0000.json', { kind: 'import', stamp: '0lquoxxnn0000' }],
    ['devices/laptop0001/device.json', { kind: 'device' }],
  ])('knows %s as its device’s own', (path, role) => {
    expect(classifyPath(path)).toEqual({ device: DEVICE, role, copy: null, original: path });
  });

  it.each([
    [
      'devices/laptop0001/ops.3.sync-conflict-20250311-101112-ABCDEFG.jsonl',
      'devices/laptop0001/ops.3.jsonl',
      'syncthing',
    ],
    ['devices/laptop0001/ops.3 (conflicted copy 2025-03-11).jsonl', 'devices/laptop0001/ops.3.jsonl', 'dropbox'],
    [
      "devices/laptop0001/state.2 (Ada's conflicted copy 2025-03-11).json",
      'devices/laptop0001/state.2.json',
      'dropbox',
    ],
    ['devices/laptop0001/state.2-DESKTOP-7H2K.json', 'devices/laptop0001/state.2.json', 'onedrive'],
    ['devices/laptop0001/imports/0lquoxxnn0000 (1).json', 'devices/laptop0001/imports/0lquoxxnn0000.json', 'numbered'],
    ['devices/laptop0001/ops.0 2.jsonl', 'devices/laptop0001/ops.0.jsonl', 'numbered'],
    ['devices/laptop0001/ops.0.jsonl.orig', 'devices/laptop0001/ops.0.jsonl', 'git'],
    ['devices/laptop0001/ops.0_LOCAL_4242.jsonl', 'devices/laptop0001/ops.0.jsonl', 'git'],
    [
      'devices/laptop0001/ops.1 (conflicted copy 2025-03-11).sync-conflict-20250312-101112-ABCDEFG.jsonl',
      'devices/laptop0001/ops.1.jsonl',
      'syncthing',
    ],
    ['devices/laptop0001-DESKTOP7/ops.1.jsonl', 'devices/laptop0001/ops.1.jsonl', 'onedrive'],
  ])('reads %s as a copy of %s', (path, original, copy) => {
    expect(classifyPath(path)).toMatchObject({ device: DEVICE, copy, original });
  });

  it.each([
    'library.json',
    'library.outline.json',
    'devices/laptop0001/.syncthing.ops.3.jsonl.tmp',
    'devices/laptop0001/~syncthing~ops.3.jsonl.tmp',
    'devices/laptop0001/notes.txt',
    'devices/laptop0001/ops.x.jsonl',
    'devices/laptop0001/ops.01.jsonl',
    'devices/Not-A-Device/ops.1.jsonl',
    'devices/legacy-1a2b3c/ops.1.jsonl',
    'devices/laptop0001/imports/nested/0lquoxxnn0000.json',
    'devices/laptop0001/.DS_Store',
  ])('reads nothing of %s', (path) => {
    expect(classifyPath(path)).toBeNull();
  });
});
