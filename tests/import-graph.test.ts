/**
 * The layering, on the resolved import graph of the whole repository (core, app, electron, renderer, tests,
 * bench): no import cycle, and every floor imports only what is below it, directly or through a helper of
 * tests/ or bench/. ESLint's no-restricted-imports says the same of each file's own imports (eslint.config.js).
 */

import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cycleThrough, importChain, importGraph, stronglyConnected, type ImportGraph } from './import-graph.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

const under =
  (...folders: readonly string[]) =>
  (file: string): boolean =>
    folders.some((folder) => file.startsWith(folder));
const isRendererRoot = (file: string): boolean => under('renderer/app/')(file) || file === 'renderer/main.tsx';
const isRendererLeaf = (file: string): boolean => under('renderer/')(file) && !isRendererRoot(file);
const isTest = (file: string): boolean => file.endsWith('.test.ts');

interface Floor {
  /** The rule, in words. */
  readonly rule: string;
  readonly isMember: (file: string) => boolean;
  readonly isForbidden: (file: string) => boolean;
}

const FLOORS: readonly Floor[] = [
  {
    rule: 'core/ reaches nothing of app/, electron/ or renderer/',
    isMember: under('core/'),
    isForbidden: under('app/', 'electron/', 'renderer/'),
  },
  {
    rule: 'app/ reaches nothing of electron/ or renderer/',
    isMember: under('app/'),
    isForbidden: under('electron/', 'renderer/'),
  },
  {
    rule: 'renderer/ reaches nothing of app/ or electron/',
    isMember: under('renderer/'),
    isForbidden: under('app/', 'electron/'),
  },
  {
    rule: 'the leaves of renderer/ reach nothing of its composition root renderer/app/',
    isMember: isRendererLeaf,
    isForbidden: isRendererRoot,
  },
];

/** The renderer's views, which sit side by side: none reaches another. */
const RENDERER_VIEWS = ['list', 'detail', 'sidebar', 'dialogs', 'duplicates'].map((view) => `renderer/${view}/`);

/** The renderer's floors below the kit and the views (ARCHITECTURE.md): what each may not reach. */
const RENDERER_FLOORS: readonly Floor[] = [
  ...RENDERER_VIEWS.map((view) => ({
    rule: `${view} reaches no other view`,
    isMember: under(view),
    isForbidden: under(...RENDERER_VIEWS.filter((other) => other !== view)),
  })),
  {
    rule: 'renderer/controller/ reaches neither the kit nor a view',
    isMember: under('renderer/controller/'),
    isForbidden: under('renderer/kit/', ...RENDERER_VIEWS),
  },
  {
    rule: 'renderer/state/ and renderer/lib/ reach nothing of the controller, the search, the kit or a view',
    isMember: under('renderer/state/', 'renderer/lib/'),
    isForbidden: under('renderer/controller/', 'renderer/search/', 'renderer/kit/', ...RENDERER_VIEWS),
  },
];

/** Each member's shortest chain of imports to a file it must not reach, as `a.ts → b.ts → c.ts`. */
function floorViolations(graph: ImportGraph, floor: Floor): string[] {
  return graph.files
    .filter(floor.isMember)
    .flatMap((file) => importChain(graph, file, floor.isForbidden)?.join(' → ') ?? []);
}

const NODE = (specifier: string): boolean =>
  specifier.startsWith('node:') || builtinModules.includes(specifier.split('/')[0] ?? '');
const ELECTRON = (specifier: string): boolean => specifier === 'electron' || specifier.startsWith('electron/');
const REACT = (specifier: string): boolean => /^react(?:-dom)?(?:\/|$)/u.test(specifier);

const PACKAGE_FLOORS: readonly { rule: string; isMember: (file: string) => boolean; isForbidden: typeof NODE }[] = [
  {
    rule: 'core/ imports no Node, Electron or React',
    isMember: (file) => under('core/')(file) && !isTest(file),
    isForbidden: (specifier) => NODE(specifier) || ELECTRON(specifier) || REACT(specifier),
  },
  {
    rule: 'the tests of core/ import no Electron or React, and Node only as node:* (to read fixtures)',
    isMember: (file) => under('core/')(file) && isTest(file),
    isForbidden: (specifier) =>
      (NODE(specifier) && !specifier.startsWith('node:')) || ELECTRON(specifier) || REACT(specifier),
  },
  { rule: 'app/ imports no Electron', isMember: under('app/'), isForbidden: ELECTRON },
  {
    rule: 'renderer/ imports no Node or Electron',
    isMember: under('renderer/'),
    isForbidden: (specifier) => NODE(specifier) || ELECTRON(specifier),
  },
];

/** A graph of the given imports, for checking that the checks can fail. */
function graphOf(imports: Readonly<Record<string, readonly string[]>>): ImportGraph {
  return {
    files: Object.keys(imports).sort(),
    imports: new Map(Object.entries(imports)),
    packages: new Map(),
    unresolved: [],
  };
}

const graph = importGraph(ROOT);

describe('the import graph', () => {
  it('holds every TypeScript file of the repository, and every relative import names a file', () => {
    expect(graph.unresolved).toEqual([]);
    expect(graph.files).toEqual(
      expect.arrayContaining([
        'core/model.ts',
        'app/library-service.ts',
        'electron/preload.cts',
        'renderer/main.tsx',
        'bench/run.ts',
        'tests/import-graph.test.ts',
      ]),
    );
    // Dynamic imports and type-only imports are edges too.
    expect(graph.imports.get('renderer/main.tsx')).toContain('renderer/app/start.tsx');
    expect(graph.imports.get('renderer/kit/context.ts')).toContain('renderer/controller/controller.ts');
  });

  it('has no import cycle', () => {
    expect(stronglyConnected(graph).map((component) => cycleThrough(graph, component))).toEqual([]);
  });

  it('finds every cycle, each named by its files in import order', () => {
    const cyclic = graphOf({ 'a.ts': ['b.ts'], 'b.ts': ['c.ts'], 'c.ts': ['a.ts', 'd.ts'], 'd.ts': ['d.ts', 'e.ts'] });
    expect(stronglyConnected(cyclic).map((component) => cycleThrough(cyclic, component))).toEqual([
      'a.ts → b.ts → c.ts → a.ts',
      'd.ts → d.ts',
    ]);
    // Two cycles through one file make one component, walked through all of its files.
    const figureOfEight = graphOf({ 'a.ts': ['b.ts', 'c.ts'], 'b.ts': ['a.ts'], 'c.ts': ['a.ts'] });
    expect(stronglyConnected(figureOfEight).map((component) => cycleThrough(figureOfEight, component))).toEqual([
      'a.ts → b.ts → a.ts → c.ts → a.ts',
    ]);
  });
});

describe('the floors', () => {
  for (const floor of [...FLOORS, ...RENDERER_FLOORS]) {
    it(floor.rule, () => {
      expect(floorViolations(graph, floor)).toEqual([]);
    });
  }

  for (const { rule, isMember, isForbidden } of PACKAGE_FLOORS) {
    it(rule, () => {
      const imports = graph.files
        .filter(isMember)
        .flatMap((file) => (graph.packages.get(file) ?? []).filter(isForbidden).map((name) => `${file} → ${name}`));
      expect(imports).toEqual([]);
    });
  }

  it('are broken by an import through a helper of tests/, and by a leaf importing the composition root', () => {
    const broken = graphOf({
      'core/x.test.ts': ['tests/helper.ts'],
      'tests/helper.ts': ['app/library-service.ts'],
      'app/library-service.ts': [],
      'renderer/list/List.tsx': ['renderer/app/controller.ts'],
      'renderer/app/controller.ts': [],
    });
    expect(FLOORS.map((floor) => floorViolations(broken, floor))).toEqual([
      ['core/x.test.ts → tests/helper.ts → app/library-service.ts'],
      [],
      [],
      ['renderer/list/List.tsx → renderer/app/controller.ts'],
    ]);
    const sideways = graphOf({
      'renderer/list/Row.tsx': ['renderer/detail/Pane.tsx'],
      'renderer/detail/Pane.tsx': [],
      'renderer/controller/c.ts': ['renderer/kit/context.ts'],
      'renderer/kit/context.ts': [],
    });
    expect(RENDERER_FLOORS.flatMap((floor) => floorViolations(sideways, floor))).toEqual([
      'renderer/list/Row.tsx → renderer/detail/Pane.tsx',
      'renderer/controller/c.ts → renderer/kit/context.ts',
    ]);
  });
});
