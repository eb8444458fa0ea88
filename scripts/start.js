#!/usr/bin/env node
// `npm start`: the desktop app (`electron .`), or browser mode where the Electron binary is not installed
// (installs with ELECTRON_SKIP_BINARY_DOWNLOAD=1). Builds nothing: `npm start` builds first.

import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

const projectRoot = dirname(dirname(fileURLToPath(import.meta.url)));

/**
 * The Electron binary's path, or null when it is not installed. Importing the `electron` package downloads a
 * missing binary (printing to stdout) before it gives up, so look for the binary first: start never downloads.
 */
async function electronBinary() {
  const require = createRequire(import.meta.url);
  let packageDir;
  try {
    packageDir = dirname(require.resolve('electron/package.json'));
  } catch {
    return null;
  }
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH === undefined) {
    const pathFile = join(packageDir, 'path.txt');
    if (!existsSync(pathFile)) return null;
    if (!existsSync(join(packageDir, 'dist', readFileSync(pathFile, 'utf8')))) return null;
  }
  try {
    const { default: binary } = await import('electron');
    return typeof binary === 'string' && existsSync(binary) ? binary : null;
  } catch {
    // "Electron failed to install correctly"
    return null;
  }
}

function runElectron(binary, args) {
  const env = { ...process.env };
  // Set by some editors' terminals; it would make Electron run as plain Node.
  delete env.ELECTRON_RUN_AS_NODE;
  const child = spawn(binary, ['.', ...args], { cwd: projectRoot, env, stdio: 'inherit', windowsHide: false });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('error', (error) => {
    process.stderr.write(`shelfmark: could not start Electron: ${error.message}\n`);
    process.exit(1);
  });
  child.on('exit', (code) => process.exit(code ?? 1));
}

const args = process.argv.slice(2);
const binary = await electronBinary();
if (binary !== null) {
  runElectron(binary, args);
} else {
  process.stderr.write(
    'shelfmark: the Electron binary is not installed, so Shelfmark opens in your browser instead.\n',
  );
  // Browser mode on the default library (or --db / SHELFMARK_DB); it prints the address to open first.
  await import('../dist/app/web.js');
}
