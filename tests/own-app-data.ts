/**
 * Every test file gets an app-data folder of its own (XDG_CONFIG_HOME, where Shelfmark keeps this computer's
 * device id and what it keeps of each library), never the user's ~/.config; processes it starts inherit it.
 */

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

const appData = mkdtempSync(join(tmpdir(), 'shelfmark-config-'));
process.env['XDG_CONFIG_HOME'] = appData;

afterAll(() => {
  rmSync(appData, { recursive: true, force: true });
});
