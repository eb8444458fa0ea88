import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { DEVICE_IDENTITY_FILE, deviceIdentity } from './device-identity.js';
import { appDataDirectory } from '../library-location.js';

let home: string;
beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), 'shelfmark-device-'));
});
afterEach(async () => {
  await rm(home, { recursive: true, force: true });
});

describe("this computer's device", () => {
  it('is made once, in the app-data folder, and kept', async () => {
    const appData = appDataDirectory('linux', { XDG_CONFIG_HOME: join(home, 'config') }, home);
    const made = await deviceIdentity(appData, { name: 'laptop', now: new Date('2025-03-11T09:00:00.000Z') });
    expect(made.id).toMatch(/^[a-z0-9]{12}$/);
    expect(made).toMatchObject({ name: 'laptop', since: '2025-03-11T09:00:00.000Z' });
    expect(JSON.parse(await readFile(join(home, 'config', 'Shelfmark', DEVICE_IDENTITY_FILE), 'utf8'))).toEqual(made);
    expect(await deviceIdentity(appData, { name: 'renamed' })).toEqual(made);
  });

  it('is another device for another XDG_CONFIG_HOME, as two computers are', async () => {
    const one = await deviceIdentity(appDataDirectory('linux', { XDG_CONFIG_HOME: join(home, 'a') }, home));
    const other = await deviceIdentity(appDataDirectory('linux', { XDG_CONFIG_HOME: join(home, 'b') }, home));
    expect(one.id).not.toBe(other.id);
  });

  it('is one device when two processes make it at once', async () => {
    const made = await Promise.all(Array.from({ length: 8 }, () => deviceIdentity(home)));
    expect(new Set(made.map((device) => device.id)).size).toBe(1);
  });

  it('says what to do with a device file it cannot read, and leaves it as it is', async () => {
    await writeFile(join(home, DEVICE_IDENTITY_FILE), '{"id":"../../etc"}');
    await expect(deviceIdentity(home)).rejects.toThrow(
      `${join(home, DEVICE_IDENTITY_FILE)} is not this computer's Shelfmark device (it is damaged, or not Shelfmark's); move it away and Shelfmark makes a new one.`,
    );
    expect(await readFile(join(home, DEVICE_IDENTITY_FILE), 'utf8')).toBe('{"id":"../../etc"}');
  });
});
