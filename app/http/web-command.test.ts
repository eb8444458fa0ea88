import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TOKEN_HEADER } from '../../core/web-token.js';
import { defaultRendererDir, runWebCommand, type WebCommandIo } from './web-command.js';
import { makeTestWorld, rawRequest, type TestWorld } from '../../tests/web-server-harness.js';

interface Run {
  readonly io: WebCommandIo;
  readonly stdout: () => string;
  readonly stderr: () => string;
  /** Resolves with the first line of stdout, once it is printed. */
  readonly firstLine: Promise<string>;
  readonly stop: () => void;
}

function fakeIo(fields: Partial<WebCommandIo> = {}): Run {
  let out = '';
  let err = '';
  let stop = (): void => undefined;
  const stopped = new Promise<void>((resolve) => (stop = resolve));
  let printed = (_line: string): void => undefined;
  const firstLine = new Promise<string>((resolve) => (printed = resolve));
  const io: WebCommandIo = {
    stdout: (text) => {
      out += text;
      if (out.includes('\n')) printed(out.split('\n')[0] ?? '');
    },
    stderr: (text) => (err += text),
    env: { XDG_CONFIG_HOME: process.env['XDG_CONFIG_HOME'] },
    rendererDir: '/nowhere',
    untilStopRequested: () => stopped,
    ...fields,
  };
  return { io, stdout: () => out, stderr: () => err, firstLine, stop };
}

let world: TestWorld;
beforeEach(async () => (world = await makeTestWorld()));
afterEach(() => world.remove());

describe('runWebCommand', () => {
  it('says in one line that the app is not built, and exits 1', async () => {
    const run = fakeIo({ rendererDir: join(world.root, 'dist', 'renderer') });
    expect(await runWebCommand(['--db', world.dbPath], run.io)).toBe(1);
    expect(run.stdout()).toBe('');
    expect(run.stderr()).toMatch(
      /^shelfmark: The app is not built \(.*index\.html is missing\): run npm run build first\.\n$/,
    );
    expect(existsSync(world.dbPath)).toBe(false);
  });

  it('refuses bad usage with exit 2', async () => {
    for (const argv of [['--port', 'eighty'], ['--port', '70000'], ['--port', '-1'], ['--bogus'], ['extra']]) {
      const run = fakeIo({ rendererDir: world.rendererDir });
      expect(await runWebCommand(argv, run.io), argv.join(' ')).toBe(2);
      expect(run.stderr()).toContain('npm run web -- --help');
    }
  });

  it('prints help', async () => {
    const run = fakeIo();
    expect(await runWebCommand(['--help'], run.io)).toBe(0);
    expect(run.stdout()).toContain('--db PATH');
  });

  it('prints the address first, serves the library from SHELFMARK_DB until stopped, then exits 0', async () => {
    const run = fakeIo({
      rendererDir: world.rendererDir,
      env: { SHELFMARK_DB: world.dbPath, XDG_CONFIG_HOME: process.env['XDG_CONFIG_HOME'] },
    });
    const exit = runWebCommand([], run.io);
    const url = new URL(await run.firstLine);
    expect(url.hostname).toBe('127.0.0.1');
    expect(url.pathname).toBe('/');
    expect(url.search).toBe('');
    const token = new URLSearchParams(url.hash.slice(1)).get('token') ?? '';
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(run.stderr()).toContain(world.dbPath);

    const port = Number(url.port);
    const page = await rawRequest({ port, path: '/', headers: { [TOKEN_HEADER]: token } });
    expect(page.status).toBe(200);
    const api = await rawRequest({
      port,
      path: '/api/stats',
      method: 'POST',
      headers: { [TOKEN_HEADER]: token, 'Content-Type': 'application/json' },
      body: '{"args":[]}',
    });
    expect(api.status).toBe(200);

    run.stop();
    expect(await exit).toBe(0);
    await expect(rawRequest({ port, path: '/' })).rejects.toThrow();
  });

  it('says when the port is taken', async () => {
    const first = fakeIo({ rendererDir: world.rendererDir });
    const firstExit = runWebCommand(['--db', world.dbPath], first.io);
    const port = new URL(await first.firstLine).port;
    const second = fakeIo({ rendererDir: world.rendererDir });
    expect(await runWebCommand(['--db', join(world.root, 'library', 'b.json'), '--port', port], second.io)).toBe(1);
    expect(second.stderr()).toBe(
      `shelfmark: port ${port} is in use: choose another with --port, or leave --port out.\n`,
    );
    first.stop();
    expect(await firstExit).toBe(0);
  });
});

describe('defaultRendererDir', () => {
  it('is dist/renderer of this checkout', () => {
    expect(defaultRendererDir()).toBe(join(process.cwd(), 'dist', 'renderer'));
  });
});
