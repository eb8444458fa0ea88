/**
 * The packaged app: electron-builder.yml is valid by electron-builder's own JSON schema, and every file the
 * packaged entry points load (main process and preload, followed through their imports in dist/) is matched by
 * its `files` globs, as electron-builder's own matcher reads them. Needs `npm run build` first (`npm test` runs it).
 */

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { API_CHANNEL, EVENT_CHANNEL } from '../core/ipc.js';
import { SAMPLE_DIGEST_NAME } from '../app/resources.js';
import { runSandboxedPreload } from './packaging-preload-sandbox.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const PRELOAD = 'dist/electron/preload.cjs';
/** The ranking's worker thread, which the main process starts from its file (app/rank-thread.ts). */
const RANK_WORKER = 'dist/app/rank-worker.js';
const RENDERER_INDEX = 'dist/renderer/index.html';

interface PackageJson {
  readonly main?: string;
  readonly dependencies?: Readonly<Record<string, string>>;
  readonly devDependencies?: Readonly<Record<string, string>>;
}

interface BuilderConfig {
  readonly files?: readonly string[];
  readonly directories?: { readonly output?: string; readonly buildResources?: string };
  readonly [key: string]: unknown;
}

const packageJson = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as PackageJson;
const config = parseYaml(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8')) as BuilderConfig;

// electron-builder's own modules, resolved the way electron-builder resolves them (not hoisted copies).
const requireHere = createRequire(import.meta.url);
const requireFromBuilder = createRequire(requireHere.resolve('electron-builder/package.json'));
const appBuilderLibPackage = requireFromBuilder.resolve('app-builder-lib/package.json');
const requireFromAppBuilderLib = createRequire(appBuilderLibPackage);

// ---------------------------------------------------------------------------------------------------------------
// The schema

interface AjvError {
  readonly instancePath: string;
  readonly message?: string;
  readonly params: unknown;
}
interface AjvValidate {
  (data: unknown): boolean;
  errors?: readonly AjvError[] | null;
}
type AjvConstructor = new (options: Readonly<Record<string, unknown>>) => { compile(schema: object): AjvValidate };

function schemaErrors(data: unknown): string[] {
  // The ajv (v8) that app-builder-lib depends on and validates with; scheme.json is draft-07.
  const ajvModule = requireFromAppBuilderLib('ajv') as AjvConstructor & { default?: AjvConstructor };
  const Ajv = ajvModule.default ?? ajvModule;
  const schema = JSON.parse(readFileSync(join(dirname(appBuilderLibPackage), 'scheme.json'), 'utf8')) as object;
  // As electron-builder does, but without its coerceTypes: "true" where a boolean belongs is an error here.
  const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
  if (validate(data)) return [];
  return (validate.errors ?? []).map(
    (error) => `${error.instancePath || '/'} ${error.message ?? ''} ${JSON.stringify(error.params)}`,
  );
}

describe('electron-builder.yml', () => {
  it('is valid by electron-builder’s JSON schema', () => {
    expect(schemaErrors(config)).toEqual([]);
  });

  it('is checked by that schema (a typo is caught)', () => {
    expect(schemaErrors({ ...config, productNmae: 'Shelfmark' }).join('\n')).toMatch(/productNmae/u);
    expect(schemaErrors({ ...config, asar: 'yes' })).not.toEqual([]);
  });

  it('names the app and its targets', () => {
    expect(config).toMatchObject({
      appId: 'app.shelfmark.desktop',
      productName: 'Shelfmark',
      asar: true,
      directories: { output: 'release', buildResources: 'build' },
      mac: { category: 'public.app-category.productivity' },
      linux: { target: ['AppImage', 'deb'] },
    });
    const targetsOf = (platform: string): string[] =>
      (config[platform] as { target: readonly { target: string }[] }).target.map((target) => target.target);
    expect(targetsOf('mac')).toEqual(['dmg']);
    expect(targetsOf('win')).toEqual(['nsis']);
    const linux = config['linux'] as { category: string; maintainer: string };
    expect(linux.category.split(';')).toEqual(expect.arrayContaining(['Office', 'Education']));
    // A deb needs a maintainer with an e-mail address (or package.json's author to have one).
    expect(linux.maintainer).toMatch(/<[^@\s]+@[^>\s]+>$/u);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// The icons

function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  expect(bytes.subarray(1, 4).toString('latin1'), `${file} is a PNG`).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('the icons in build/', () => {
  it('has a 1024×1024 icon.png, from which electron-builder derives the .icns (≥512) and .ico (≥256)', () => {
    expect(pngSize(join(ROOT, 'build', 'icon.png'))).toEqual({ width: 1024, height: 1024 });
    const mac = config['mac'] as { icon: string };
    const win = config['win'] as { icon: string };
    expect([mac.icon, win.icon]).toEqual(['icon.png', 'icon.png']);
  });

  it('has the Linux set, each PNG the size its name says', () => {
    expect((config['linux'] as { icon: string }).icon).toBe('icons');
    const names = readdirSync(join(ROOT, 'build', 'icons'));
    for (const size of [16, 32, 48, 64, 128, 256, 512]) expect(names).toContain(`${size}x${size}.png`);
    for (const name of names) {
      const size = Number(/^(\d+)x\1\.png$/u.exec(name)?.[1]);
      expect(pngSize(join(ROOT, 'build', 'icons', name)), name).toEqual({ width: size, height: size });
    }
  });
});

// ---------------------------------------------------------------------------------------------------------------
// What gets packed

interface FileMatcher {
  createFilter(): (file: string, stat: { isDirectory(): boolean }) => boolean;
}
type GetMainFileMatchers = (
  appDir: string,
  destination: string,
  macroExpander: (pattern: string) => string,
  platformSpecificBuildOptions: object,
  platformPackager: object,
  outDir: string,
  isElectronCompile: boolean,
) => FileMatcher[];

/**
 * Whether electron-builder packs `file` (relative to the project): its own matcher (app-builder-lib's internal
 * getMainFileMatchers, with the default exclusions it adds) applied to the file and each folder above it, as it
 * walks the tree when copying.
 */
const isPackaged: (file: string) => boolean = (() => {
  const { getMainFileMatchers } = requireFromAppBuilderLib('./out/fileMatcher.js') as {
    getMainFileMatchers?: GetMainFileMatchers;
  };
  if (typeof getMainFileMatchers !== 'function') {
    throw new Error(`app-builder-lib changed: out/fileMatcher.js no longer exports getMainFileMatchers.`);
  }
  const packager = {
    info: {
      projectDir: ROOT,
      buildResourcesDir: join(ROOT, config.directories?.buildResources ?? 'build'),
      isPrepackedAppAsar: false,
      config,
      debugLogger: { isEnabled: false },
    },
  };
  const matchers = getMainFileMatchers(
    ROOT,
    join(ROOT, 'packed'),
    (pattern) => pattern,
    {},
    packager,
    join(ROOT, config.directories?.output ?? 'dist'),
    false,
  );
  const [main] = matchers;
  if (main === undefined) throw new Error('electron-builder made no file matcher from `files`.');
  const filter = main.createFilter();
  return (file) => {
    const parts = file.split('/');
    return parts.every((_part, index) =>
      filter(join(ROOT, ...parts.slice(0, index + 1)), { isDirectory: () => index < parts.length - 1 }),
    );
  };
})();

const toPosix = (path: string): string => path.split(sep).join('/');

function assertBuilt(file: string): void {
  if (!existsSync(join(ROOT, file))) throw new Error(`${file} is missing: run \`npm run build\` before this test.`);
}

interface ImportGraph {
  /** Project-relative paths of every file reached. */
  readonly files: readonly string[];
  /** Bare specifiers, each with a file that imports it. */
  readonly packages: ReadonlyMap<string, string>;
  readonly unresolved: readonly string[];
}

function packageNameOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
}

function isBuiltin(specifier: string): boolean {
  return (
    specifier.startsWith('node:') ||
    builtinModules.includes(specifier) ||
    builtinModules.includes(packageNameOf(specifier))
  );
}

/** Follows static imports, `export … from`, `import()` and `require()` with literal specifiers. */
function importGraph(entries: readonly string[]): ImportGraph {
  const seen = new Set<string>();
  const packages = new Map<string, string>();
  const unresolved: string[] = [];
  const queue = [...entries];
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    if (seen.has(file)) continue;
    seen.add(file);
    const source = readFileSync(join(ROOT, file), 'utf8');
    for (const { fileName: specifier } of ts.preProcessFile(source, true, true).importedFiles) {
      if (specifier.startsWith('./') || specifier.startsWith('../')) {
        const target = toPosix(relative(ROOT, resolve(ROOT, dirname(file), specifier)));
        if (existsSync(join(ROOT, target)) && statSync(join(ROOT, target)).isFile()) queue.push(target);
        else unresolved.push(`${file} → ${specifier}`);
      } else if (specifier === 'electron' || isBuiltin(specifier)) {
        continue;
      } else {
        packages.set(packageNameOf(specifier), file);
      }
    }
  }
  return { files: [...seen].sort(), packages, unresolved };
}

describe('the packaged app', () => {
  const main = packageJson.main ?? '';

  it('starts from dist/electron/main.js', () => {
    expect(main).toBe('dist/electron/main.js');
  });

  it('packs every file the main process, the preload and the ranking’s worker load', () => {
    assertBuilt(main);
    assertBuilt(PRELOAD);
    assertBuilt(RANK_WORKER);
    const graph = importGraph([main, PRELOAD, RANK_WORKER]);
    expect(graph.unresolved).toEqual([]);
    expect(graph.files).toEqual(
      expect.arrayContaining([main, PRELOAD, RANK_WORKER, 'dist/app/library-service.js', 'dist/core/api.js']),
    );
    expect(graph.files.filter((file) => !isPackaged(file))).toEqual([]);
  });

  it('finds every package they import among the dependencies, none among the devDependencies only', () => {
    assertBuilt(main);
    const { packages } = importGraph([main, PRELOAD, RANK_WORKER]);
    const dependencies = Object.keys(packageJson.dependencies ?? {});
    const missing = [...packages].filter(([name]) => !dependencies.includes(name));
    expect(missing.map(([name, file]) => `${name} (imported by ${file})`)).toEqual([]);
  });

  it('does not list electron as a dependency (electron-builder refuses that)', () => {
    expect(Object.keys(packageJson.dependencies ?? {})).not.toContain('electron');
    expect(Object.keys(packageJson.devDependencies ?? {})).toContain('electron');
  });

  it('packs the sample digest and the renderer’s entry', () => {
    expect(isPackaged(`seeds/${SAMPLE_DIGEST_NAME}`)).toBe(true);
    expect(existsSync(join(ROOT, 'seeds', SAMPLE_DIGEST_NAME))).toBe(true);
    expect(isPackaged(RENDERER_INDEX)).toBe(true);
    expect(isPackaged('dist/renderer/assets/index-0a1b2c.js')).toBe(true);
    expect(isPackaged('package.json')).toBe(true);
  });

  it.skipIf(!existsSync(join(ROOT, RENDERER_INDEX)))('packs every built renderer file but the source maps', () => {
    const rendererFiles = readdirSync(join(ROOT, 'dist', 'renderer'), { recursive: true, encoding: 'utf8' })
      .map((file) => `dist/renderer/${toPosix(file)}`)
      .filter((file) => statSync(join(ROOT, file)).isFile());
    expect(rendererFiles).toContain(RENDERER_INDEX);
    expect(rendererFiles.filter((file) => !file.endsWith('.map') && !isPackaged(file))).toEqual([]);
  });

  it.each([
    'dist/electron/main.js.map',
    'dist/electron/security.test.js',
    'electron/main.ts',
    'electron/preload.cts',
    'core/api.ts',
    'renderer/index.html',
    'tests/packaging.test.ts',
    'bench/run.ts',
    'bin/shelfmark.js',
    'build/icon.png',
    'release/linux-unpacked/shelfmark',
    'node_modules/zod/package.json',
    'tsconfig.json',
    'electron-builder.yml',
    '.ci/run',
    'package-lock.json',
  ])('leaves out %s', (file) => {
    expect(isPackaged(file)).toBe(false);
  });
});

describe('the compiled preload', () => {
  it('is CommonJS that requires only electron and works in a sandbox', () => {
    assertBuilt(PRELOAD);
    const compiled = readFileSync(join(ROOT, PRELOAD), 'utf8');
    const required = ts.preProcessFile(compiled, true, true).importedFiles.map((file) => file.fileName);
    expect(required).toEqual(['electron']);
    // Run as Electron runs a sandboxed preload: an ESM import or any other require would throw here.
    const { bridge, invoked, listenerCount } = runSandboxedPreload(compiled);
    void bridge.invoke('stats', []);
    expect(invoked).toEqual([[API_CHANNEL, 'stats', []]]);
    bridge.onEvent(() => undefined);
    expect(listenerCount(EVENT_CHANNEL)).toBe(1);
  });
});
