/**
 * This computer's device in synced libraries (ARCHITECTURE.md, "Many devices, one folder"): made once, kept in the
 * app-data folder and never in a library's folder, so that a sync tool cannot carry it to another computer. Two
 * values of XDG_CONFIG_HOME are two devices on one machine.
 */

import { randomBytes } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';

import { z } from 'zod';

import { deviceIdFrom, isDeviceFolderId } from '../../core/sync/device-files.js';
import { writeNewFileAtomically } from '../store/atomic-write.js';
import { isErrorCode } from '../store/errors.js';
import { readTextIfThere } from './read-text.js';

export interface DeviceIdentity {
  readonly id: string;
  /** The computer's name when the device was made, for `shelfmark devices`. */
  readonly name: string;
  /** When the device was made (ISO). */
  readonly since: string;
}

export const DEVICE_IDENTITY_FILE = 'device.json';

const identitySchema = z.object({
  id: z.string().refine(isDeviceFolderId, 'not a device id'),
  name: z.string(),
  since: z.string(),
});

export interface IdentityOptions {
  readonly name?: string;
  readonly now?: Date;
  readonly random?: (size: number) => Uint8Array;
}

/** The device of the app-data folder `appData`, made and kept there the first time it is asked for. */
export async function deviceIdentity(appData: string, options: IdentityOptions = {}): Promise<DeviceIdentity> {
  const file = join(appData, DEVICE_IDENTITY_FILE);
  const known = await readIdentity(file);
  if (known !== null) return known;
  const made: DeviceIdentity = {
    id: deviceIdFrom((options.random ?? randomBytes)(12)),
    name: options.name ?? hostname(),
    since: (options.now ?? new Date()).toISOString(),
  };
  await mkdir(appData, { recursive: true });
  try {
    await writeNewFileAtomically(file, `${JSON.stringify(made, null, 2)}\n`);
    return made;
  } catch (error) {
    // Another process of this computer made it a moment before: that one is the device.
    if (!isErrorCode(error, 'EEXIST')) throw error;
    const other = await readIdentity(file);
    if (other === null) throw error;
    return other;
  }
}

async function readIdentity(file: string): Promise<DeviceIdentity | null> {
  const text = await readTextIfThere(file);
  if (text === null) return null;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  const parsed = identitySchema.safeParse(json);
  if (!parsed.success) {
    throw new Error(
      `${file} is not this computer's Shelfmark device (it is damaged, or not Shelfmark's); move it away and Shelfmark makes a new one.`,
    );
  }
  return parsed.data;
}
