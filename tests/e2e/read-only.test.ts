/**
 * A library on a read-only mount (a mounted backup, a synced folder without write access), opened in the app in
 * Chromium: it shows and searches the library, says that it is read-only, and refuses a change with the reason.
 * Mounting needs root on Linux (as CI has); elsewhere this test is skipped and says why.
 */

import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rmdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canMountTmpfs } from '../tmpfs.js';
import { startWebServer } from '../../app/http/server.js';
import { LibraryService } from '../../app/library-service.js';
import { bundledSampleDigest } from '../../app/resources.js';
import { buildRenderer, CHROMIUM, launchChromium, openApp, screenshot, tempDir, type Library } from './harness.js';

const runnable = existsSync(CHROMIUM) && canMountTmpfs();
if (!runnable) console.warn('read-only e2e test skipped: it needs Chromium and a tmpfs mount (root on Linux)');

async function filesOf(folder: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const entry of await readdir(folder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = join(entry.parentPath, entry.name);
    files.set(file, (await readFile(file)).toString('base64'));
  }
  return files;
}

describe.skipIf(!runnable)('a read-only library in the app', () => {
  let build: { path: string; remove: () => Promise<void> };
  let browser: Browser;
  let mountPoint: string;

  beforeAll(async () => {
    build = await tempDir('shelfmark-renderer-');
    await buildRenderer(build.path);
    browser = await launchChromium();
    mountPoint = await mkdtemp(join(tmpdir(), 'shelfmark-ro-'));
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=8m', 'tmpfs', mountPoint]);
  }, 120_000);

  afterAll(async () => {
    await browser.close();
    await build.remove();
    execFileSync('umount', [mountPoint]);
    await rmdir(mountPoint);
  });

  it('shows and searches it, says it is read-only, and refuses a change with the reason', async () => {
    const dbPath = join(mountPoint, 'library.json');
    const writer = new LibraryService(dbPath, { sampleDigest: bundledSampleDigest() });
    await writer.importSample();
    await writer.close();
    execFileSync('mount', ['-o', 'remount,ro', mountPoint]);
    const before = await filesOf(mountPoint);

    const server = await startWebServer({
      dbPath,
      port: 0,
      rendererDir: build.path,
      sampleDigest: bundledSampleDigest(),
    });
    const library: Library = {
      dir: mountPoint,
      dbPath,
      server,
      restart: () => Promise.resolve(),
      close: () => server.close(),
    };
    try {
      const { page, context } = await openApp(browser, library, 'light');
      const banner = page.getByRole('status').filter({ hasText: 'This library is read-only.' });
      await banner.waitFor();
      expect(await banner.textContent()).toBe(
        `This library is read-only. ${mountPoint} cannot be written (it is on a read-only file system). You can read, search and export it; changes cannot be saved.`,
      );
      const papers = page.getByRole('listbox', { name: /^Papers:/ }).getByRole('option');
      await expect.poll(() => papers.count()).toBeGreaterThan(5);
      await screenshot(page, 'read-only-light');

      // A change shows for a moment, then rolls back with the library's reason.
      await papers.first().click();
      await page.keyboard.press('r');
      await page
        .getByText(/The library is read-only: .* cannot be written/)
        .first()
        .waitFor();
      await expect
        .poll(() =>
          page
            .getByRole('group', { name: 'Reading status' })
            .getByRole('button', { name: 'Unread', exact: true })
            .getAttribute('aria-pressed'),
        )
        .toBe('true');
      await context.close();
    } finally {
      await library.close();
    }
    expect(await filesOf(mountPoint)).toEqual(before);
  });
});
