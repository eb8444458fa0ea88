// @ts-check
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

// ---------------------------------------------------------------------------------------------------------------
// The floors: what each layer may import (tests/import-graph.test.ts checks the same on the resolved graph).
// no-restricted-imports sees a specifier as written, so a top-level folder is as many `../` away as the importing
// file is deep: the blocks are made once a depth, for files down to MAX_DEPTH folders below the repository root.

const MAX_DEPTH = 6;
const SOURCES = '*.{ts,tsx,mts,cts}';

/** The start of a relative specifier that climbs from a file `depth` folders deep to the repository root. */
const toRoot = (/** @type {number} */ depth) => (depth === 0 ? '^\\./' : `^(?:\\.\\./){${depth}}`);
/** A specifier into one of the top-level `folders`, from a file `depth` folders deep. */
const intoTopLevel = (/** @type {number} */ depth, /** @type {string[]} */ ...folders) =>
  `${toRoot(depth)}(?:${folders.join('|')})/`;

const NODE_PREFIXED = '^node:';
const NODE_BARE = `^(?:${builtinModules.filter((name) => !name.includes('/')).join('|')})(?:/|$)`;
const ELECTRON = '^electron(?:/|$)';
const REACT = '^react(?:-dom)?(?:/|$)';

/**
 * @param {string} message
 * @param {string[]} regexes
 */
const forbid = (message, ...regexes) => ({ regex: regexes.join('|'), message });

const CORE = 'core/ is pure: no Node, Electron, React or shell (app/, electron/, renderer/) imports.';
const CORE_TEST = `${CORE} Its tests may read fixtures through node:* only.`;
const APP = 'app/ is the shell every front end shares: no Electron, electron/ or renderer/ imports.';
const RENDERER =
  'renderer/ runs in the page: no Node, Electron, app/ or electron/ imports (it reaches the shell through the API).';
const RENDERER_LEAF =
  'Leaves of renderer/ never import its composition root renderer/app/: what they share belongs in a folder of its own.';

const core = (/** @type {number} */ depth) => [
  forbid(CORE, NODE_PREFIXED, NODE_BARE, ELECTRON, REACT, intoTopLevel(depth, 'app', 'electron', 'renderer')),
];
const coreTest = (/** @type {number} */ depth) => [
  forbid(CORE_TEST, NODE_BARE, ELECTRON, REACT, intoTopLevel(depth, 'app', 'electron', 'renderer')),
];
const app = (/** @type {number} */ depth) => [forbid(APP, ELECTRON, intoTopLevel(depth, 'electron', 'renderer'))];
const renderer = (/** @type {number} */ depth) => [
  forbid(RENDERER, NODE_PREFIXED, NODE_BARE, ELECTRON, intoTopLevel(depth, 'app', 'electron')),
];
// renderer/ is one folder down, so its own app/ is one `../` nearer than the top-level app/.
const rendererLeaf = (/** @type {number} */ depth) => [
  ...renderer(depth),
  forbid(RENDERER_LEAF, `${toRoot(depth - 1)}app/`),
];

/**
 * One config block a depth, for the files `name` of `floor` (later blocks replace the options of earlier ones).
 * @param {string} floor
 * @param {string} name
 * @param {(depth: number) => ReturnType<typeof forbid>[]} patterns
 * @param {string[]} [ignores]
 */
const floorBlocks = (floor, name, patterns, ignores = []) =>
  Array.from({ length: MAX_DEPTH }, (_, index) => ({
    name: `shelfmark/floors/${floor}/${name}/depth-${index + 1}`,
    files: [`${floor}/${'*/'.repeat(index)}${name}`],
    ignores,
    rules: { 'no-restricted-imports': ['error', { patterns: patterns(index + 1) }] },
  }));

const RENDERER_ROOT = ['renderer/app/**', 'renderer/main.tsx'];

const floors = [
  ...floorBlocks('core', SOURCES, core),
  ...floorBlocks('core', '*.test.ts', coreTest),
  ...floorBlocks('app', SOURCES, app),
  ...floorBlocks('renderer', SOURCES, renderer),
  ...floorBlocks('renderer', SOURCES, rendererLeaf, RENDERER_ROOT),
];

// ---------------------------------------------------------------------------------------------------------------

export default tseslint.config(
  { ignores: ['dist/', 'release/', 'node_modules/', 'test-results/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/no-confusing-void-expression': 'off',
      '@typescript-eslint/no-unnecessary-condition': ['error', { allowConstantLoopConditions: true }],
    },
  },
  {
    files: ['**/*.js'],
    extends: [tseslint.configs.disableTypeChecked],
  },
  {
    name: 'shelfmark/renderer/react-hooks',
    files: ['renderer/**/*.{ts,tsx}'],
    extends: [reactHooks.configs.flat.recommended],
    // A missing dependency is a stale value: it fails CI, as the other rules of hooks do.
    rules: { 'react-hooks/exhaustive-deps': 'error' },
  },
  ...floors,
);
