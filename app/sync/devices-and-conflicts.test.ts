/**
 * Devices and note conflicts through the API as every front end calls it: two computers (two app-data folders) on
 * two copies of one synced library folder, the files carried between them by the test as a sync tool carries them.
 */

import { appendFile, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { ApiResponse, LibraryDevices, LibraryOutline, PaperDetail } from '../../core/api.js';
import { decodeApiValue, encodeApiValue } from '../../core/api-codec.js';
import type { Paper } from '../../core/model.js';
import { dispatchApiCall } from '../api-dispatch.js';
import { LibraryService } from '../library-service.js';
import { bundledSampleDigest } from '../resources.js';
import { deviceIdentity } from './device-identity.js';
import { exchange as exchangeFiles, mark, type Computer } from './synced-test-rig.js';
import { openSyncedLibraryStore, type SyncedLibraryStore } from './synced-library-store.js';

const HOUR = 3_600_000;
const REFS = `@article{a, title = {On attention}, author = {Ada, Lovelace}, year = {2024}}
@article{b, title = {On memory}, author = {Grace, Hopper}, year = {2023}}
`;

interface Side {
  /** Its store beside the service's: the rig carries files by its device. */
  readonly computer: Computer;
  service: LibraryService;
}

let root: string;
let sides: Side[];

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'shelfmark-devices-'));
  sides = [];
});

afterEach(async () => {
  await Promise.all(sides.map(async (side) => Promise.all([side.service.close(), side.computer.store.close()])));
  await rm(root, { recursive: true, force: true });
});

/**
 * A computer named `name` with the library service a front end would use, and a store of its own beside it (another
 * process of that computer) whose clock is `aheadMs` ahead.
 */
async function computer(name: string, aheadMs = 0): Promise<Side> {
  const folder = join(root, `${name}-folder`);
  const appData = join(root, `${name}-app-data`, 'Shelfmark');
  await deviceIdentity(appData, { name });
  const service = new LibraryService(join(folder, 'library.json'), { sampleDigest: bundledSampleDigest(), appData });
  const now = () => Date.now() + aheadMs;
  const store = await openSyncedLibraryStore(join(folder, 'library.json'), { appData, now });
  const side = { computer: { name, appData, folder, store }, service };
  sides.push(side);
  return side;
}

/** Calls `method` as a transport does: arguments encoded, checked against the schema, the answer encoded. */
async function call<T>(side: Side, method: string, ...args: unknown[]): Promise<T> {
  const decodedArgs = decodeApiValue(encodeApiValue(args));
  const response = decodeApiValue(
    encodeApiValue(await dispatchApiCall(side.service, method, decodedArgs)),
  ) as ApiResponse;
  if (!response.ok) throw new Error(`${response.error.kind}: ${response.error.message}`);
  return response.value as T;
}

function storeOf(side: Side): SyncedLibraryStore {
  return side.computer.store;
}

function deviceOf(side: Side): string {
  return storeOf(side).device.id;
}

const exchange = (a: Side, b: Side): Promise<void> => exchangeFiles(a.computer, b.computer);

/** Two computers sharing a library of two papers; the paper "On attention" on both. */
async function twoComputers(desktopAheadMs = 0): Promise<{ laptop: Side; desktop: Side; id: string }> {
  const laptop = await computer('laptop');
  const desktop = await computer('desktop', desktopAheadMs);
  await call(laptop, 'importFiles', [{ name: 'refs.bib', bytes: new TextEncoder().encode(REFS) }]);
  await exchange(laptop, desktop);
  const papers = await call<Paper[]>(desktop, 'listPapers', {});
  const id = papers.find((paper) => paper.title === 'On attention')?.id ?? '';
  expect(id).not.toBe('');
  return { laptop, desktop, id };
}

describe('note conflicts through the API', () => {
  it('shows a note written apart on two computers on both, and one click keeps one on both', async () => {
    const { laptop, desktop, id } = await twoComputers();
    await call(laptop, 'setNote', id, 'Read on the train: the proof of lemma 2 is short.');
    await call(desktop, 'setNote', id, 'At my desk: compare with the memory paper.');
    await exchange(laptop, desktop);

    const onLaptop = await call<PaperDetail>(laptop, 'getPaper', id);
    const onDesktop = await call<PaperDetail>(desktop, 'getPaper', id);
    // Both show the same note, with the other beside it, named by the computer that wrote it.
    expect(onLaptop.note).toBe(onDesktop.note);
    expect(onLaptop.noteConflicts).toHaveLength(1);
    expect(onLaptop.noteConflicts).toEqual(onDesktop.noteConflicts?.map((v) => ({ ...v, thisDevice: !v.thisDevice })));
    const other = onLaptop.noteConflicts?.[0];
    expect([onLaptop.note, other?.text].sort()).toEqual([
      'At my desk: compare with the memory paper.',
      'Read on the train: the proof of lemma 2 is short.',
    ]);
    expect(other?.device).toBe(other?.thisDevice === true ? 'laptop' : 'desktop');
    expect(Date.parse(other?.at ?? '')).toBeGreaterThan(Date.now() - 60_000);
    // The list knows which papers have one.
    const outline = await call<LibraryOutline>(desktop, 'getLibraryOutline');
    expect(outline.noteConflicts?.map((paper) => paper.id)).toEqual([id]);

    // The laptop keeps the desktop's text.
    const kept = await call<Paper>(laptop, 'resolveNote', id, 'At my desk: compare with the memory paper.');
    expect(kept.note).toBe('At my desk: compare with the memory paper.');
    expect((await call<PaperDetail>(laptop, 'getPaper', id)).noteConflicts).toBeUndefined();
    await exchange(laptop, desktop);
    for (const side of [laptop, desktop]) {
      const paper = await call<PaperDetail>(side, 'getPaper', id);
      expect(paper.note).toBe('At my desk: compare with the memory paper.');
      expect(paper.noteConflicts).toBeUndefined();
      expect((await call<LibraryOutline>(side, 'getLibraryOutline')).noteConflicts).toBeUndefined();
    }
  });

  it('keeps both texts when the user keeps both, and a note edited after a resolution has no conflict', async () => {
    const { laptop, desktop, id } = await twoComputers();
    await call(laptop, 'setNote', id, 'mine');
    await call(desktop, 'setNote', id, 'theirs');
    await exchange(laptop, desktop);
    await call(desktop, 'resolveNote', id, 'mine\n\n---\n\ntheirs');
    await call(desktop, 'setNote', id, 'mine\n\n---\n\ntheirs, and more');
    await exchange(laptop, desktop);
    const paper = await call<PaperDetail>(laptop, 'getPaper', id);
    expect(paper.note).toBe('mine\n\n---\n\ntheirs, and more');
    expect(paper.noteConflicts).toBeUndefined();
  });

  it('keeps a note written meanwhile by another process of this computer beside the text typed over it', async () => {
    const app = await computer('desktop');
    await call(app, 'importFiles', [{ name: 'refs.bib', bytes: new TextEncoder().encode(REFS) }]);
    const id = (await call<Paper[]>(app, 'listPapers', {})).find((paper) => paper.title === 'On attention')?.id ?? '';
    await call(app, 'setNote', id, 'Before.', '');
    // The command line, on this computer (the same device), writes the note while the app's window types over it.
    const commandLine = new LibraryService(join(app.computer.folder, 'library.json'), {
      sampleDigest: bundledSampleDigest(),
      appData: app.computer.appData,
    });
    try {
      await commandLine.setNote(id, 'From the command line.');
    } finally {
      await commandLine.close();
    }
    const typed = await call<PaperDetail>(app, 'setNote', id, 'Typed in the window.', 'Before.');
    expect(typed.note).toBe('Typed in the window.');
    expect(typed.noteConflicts?.map((version) => [version.text, version.thisDevice])).toEqual([
      ['From the command line.', true],
    ]);
    expect((await call<LibraryOutline>(app, 'getLibraryOutline')).noteConflicts?.map((paper) => paper.id)).toEqual([
      id,
    ]);
    // Typed over the note as it is now: nothing kept beside it; and keeping one drops the other.
    await call(app, 'resolveNote', id, 'Typed in the window.');
    const again = await call<PaperDetail>(app, 'setNote', id, 'Typed in the window, and more.', 'Typed in the window.');
    expect(again.noteConflicts).toBeUndefined();
    expect((await call<PaperDetail>(app, 'getPaper', id)).note).toBe('Typed in the window, and more.');
  });

  it('resolves by the ids the API takes, and says an unknown paper in words', async () => {
    const { laptop } = await twoComputers();
    await expect(call(laptop, 'resolveNote', 'zzzz-none', 'text')).rejects.toThrow(/^not-found: /);
  });
});

describe('devices through the API', () => {
  it('lists both computers, this one first, with when each first and last wrote', async () => {
    const { laptop, desktop, id } = await twoComputers();
    await call(desktop, 'setStatus', [id], 'read');
    await exchange(laptop, desktop);
    const listed = await call<LibraryDevices>(laptop, 'listDevices');
    expect(listed.devices.map(({ name, thisComputer }) => [name, thisComputer])).toEqual([
      ['laptop', true],
      ['desktop', false],
    ]);
    for (const device of listed.devices) {
      expect(Date.parse(device.lastWrote ?? '')).toBeGreaterThan(Date.now() - 60_000);
      expect(device.firstWrote).not.toBeNull();
      expect(device.clockAheadMs).toBeNull();
    }
    expect(listed.devices[0]?.id).toBe(deviceOf(laptop));
    expect(listed.waiting).toBe(0);
    expect(listed.problems).toEqual([]);
    // The desktop, the last to write, lists itself first all the same.
    expect((await call<LibraryDevices>(desktop, 'listDevices')).devices.map((device) => device.name)).toEqual([
      'desktop',
      'laptop',
    ]);
  });

  it('says a device whose clock is hours ahead, and a line it cannot read', async () => {
    const { laptop, desktop, id } = await twoComputers(3 * HOUR);
    await mark(storeOf(desktop), id, 'read');
    await exchange(laptop, desktop);
    const logs = join(laptop.computer.folder, 'devices', deviceOf(desktop));
    const log = (await readdir(logs)).find((file) => file.startsWith('ops.')) ?? '';
    await appendFile(join(logs, log), '{"damaged\n');
    const listed = await call<LibraryDevices>(laptop, 'listDevices');
    const ahead = listed.devices.find((device) => device.name === 'desktop')?.clockAheadMs ?? 0;
    expect(ahead).toBeGreaterThan(2.9 * HOUR);
    expect(ahead).toBeLessThan(3.1 * HOUR);
    expect(listed.problems.map(({ file, line }) => ({ file, line }))).toEqual([
      { file: `devices/${deviceOf(desktop)}/${log}`, line: 2 },
    ]);
    expect(listed.problems[0]?.reason).toMatch(/not a whole change/);
  });

  it('lists this computer alone, not written yet, in a library nothing was written to', async () => {
    const laptop = await computer('laptop');
    const listed = await call<LibraryDevices>(laptop, 'listDevices');
    expect(listed.devices).toEqual([
      {
        id: deviceOf(laptop),
        name: 'laptop',
        firstWrote: null,
        lastWrote: null,
        thisComputer: true,
        clockAheadMs: null,
      },
    ]);
  });
});
