import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('..', import.meta.url).pathname;

interface Outdated {
  readonly current?: string;
  readonly latest: string;
}

const major = (version: string): number => Number(version.split('.')[0]);

describe('production dependencies', () => {
  it('are few', async () => {
    const manifest = JSON.parse(await readFile(`${ROOT}package.json`, 'utf8')) as {
      dependencies: Record<string, string>;
    };
    expect(Object.keys(manifest.dependencies).sort()).toEqual([
      'fast-xml-parser',
      'fuse.js',
      'lowdb',
      'proper-lockfile',
      'yaml',
      'zod',
    ]);
  });

  it('are none a major version behind (npm outdated; the audit service is out of reach here)', async () => {
    // npm outdated exits 1 when something is outdated; its JSON says what.
    const { stdout } = await promisify(execFile)('npm', ['outdated', '--json', '--omit=dev'], { cwd: ROOT }).catch(
      (error: unknown) => ({ stdout: (error as { stdout?: string }).stdout ?? '' }),
    );
    const outdated = JSON.parse(stdout === '' ? '{}' : stdout) as Record<string, Outdated>;
    const behind = Object.entries(outdated)
      .filter(([, { current, latest }]) => current === undefined || major(latest) > major(current))
      .map(([name, { current, latest }]) => `${name} ${current ?? 'missing'} → ${latest}`);
    expect(behind).toEqual([]);
  }, 60_000);
});
