/**
 * The Syncthing harness against real Syncthing: files written on one side arrive on the other, both sides' writes
 * converge, and a file edited on both sides at once leaves the conflicted copy that `core/sync/` knows by its name.
 * Skipped where syncthing is not installed, except in CI, where it must be.
 */

import { expect, it } from 'vitest';
import { classifyPath } from '../../core/sync/device-files.js';
import { folderFiles, writeInFolder as write } from './folder-files.js';
import { SYNCTHING } from './syncthing.js';
import { describeOverSyncthing } from './syncthing-suite.js';

/** A device's log in the layout `core/sync/device-files.ts` names, so that a copy of it is one Shelfmark reads. */
const OPS = 'devices/laptop000001/ops.0.jsonl';

describeOverSyncthing(`two Syncthing instances (${SYNCTHING})`, (started) => {
  it('reach nothing but each other on 127.0.0.1', async () => {
    const { a, b } = started();
    for (const [self, peer] of [
      [a, b],
      [b, a],
    ] as const) {
      const { options, devices } = await self.get<{
        options: Record<string, unknown>;
        devices: { deviceID: string; addresses: string[] }[];
      }>('/rest/config');
      expect(options).toMatchObject({
        globalAnnounceEnabled: false,
        localAnnounceEnabled: false,
        relaysEnabled: false,
        natEnabled: false,
        urAccepted: -1,
        crashReportingEnabled: false,
        autoUpgradeIntervalH: 0,
      });
      expect(options['listenAddresses']).toEqual([expect.stringMatching(/^tcp:\/\/127\.0\.0\.1:\d+$/)]);
      const known = devices.find((device) => device.deviceID === peer.deviceId);
      expect(known?.addresses).toEqual([expect.stringMatching(/^tcp:\/\/127\.0\.0\.1:\d+$/)]);
      expect(self.apiBase).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      // The id the harness read from the certificate is the one Syncthing goes by.
      expect((await self.get<{ myID: string }>('/rest/system/status')).myID).toBe(self.deviceId);
    }
  });

  it('carry a file written on A to B, byte for byte', async () => {
    const { a, b, waitInSync } = started();
    const line = '{"stamp":"0000000000001","op":"status","paper":"p1","status":"read"}\n';
    await write(a.folder, OPS, line);
    const synced = performance.now();
    await waitInSync();
    console.info(`A file written on A was on B after ${(performance.now() - synced).toFixed(0)} ms`);
    expect((await folderFiles(b.folder)).get(OPS)).toBe(line);
  });

  it('converge when both sides write files of their own', async () => {
    const { a, b, waitInSync } = started();
    await Promise.all([
      write(a.folder, 'devices/laptop000001/device.json', '{"name":"laptop"}\n'),
      write(b.folder, 'devices/desktop00001/device.json', '{"name":"desktop"}\n'),
      write(b.folder, 'devices/desktop00001/ops.0.jsonl', '{"op":"tag"}\n'),
    ]);
    await waitInSync();
    const onA = await folderFiles(a.folder);
    expect(onA).toEqual(await folderFiles(b.folder));
    expect([...onA.keys()]).toEqual([
      'devices/desktop00001/device.json',
      'devices/desktop00001/ops.0.jsonl',
      'devices/laptop000001/device.json',
      OPS,
    ]);
  });

  it('say which side is behind when they do not get in sync in time', async () => {
    const { a, b, waitInSync } = started();
    await b.setPaused(true);
    try {
      await write(a.folder, 'devices/laptop000001/state.1.json', '{}\n');
      await expect(waitInSync(1_000)).rejects.toThrow(
        /within 1000 ms: .*B is paused.*B is behind: A has 1 items it lacks/,
      );
    } finally {
      await b.setPaused(false);
    }
    await waitInSync();
    expect((await folderFiles(b.folder)).get('devices/laptop000001/state.1.json')).toBe('{}\n');
  });

  it('leave a .sync-conflict copy, which core/sync reads as a copy of the file, when both sides edit a file at once', async () => {
    const { a, b, pause, resume, waitInSync } = started();
    const base = (await folderFiles(a.folder)).get(OPS) ?? '';
    const onA = `${base}{"stamp":"0000000000002","op":"note","text":"written on A"}\n`;
    const onB = `${base}{"stamp":"0000000000003","op":"note","text":"written on B"}\n`;
    await pause();
    try {
      await Promise.all([write(a.folder, OPS, onA), write(b.folder, OPS, onB)]);
    } finally {
      await resume();
    }
    await waitInSync();

    const filesOnA = await folderFiles(a.folder);
    expect(filesOnA).toEqual(await folderFiles(b.folder));
    const copies = [...filesOnA.keys()].filter((path) => path.includes('.sync-conflict-'));
    expect(copies).toHaveLength(1);
    const [copy = ''] = copies;
    expect(classifyPath(copy)).toEqual({
      device: 'laptop000001',
      role: { kind: 'ops', generation: 0 },
      copy: 'syncthing',
      original: OPS,
    });
    // Nothing is lost: one side's edit is the file, the other's the copy.
    expect([filesOnA.get(OPS), filesOnA.get(copy)].sort()).toEqual([onA, onB]);
  });
});
