/**
 * The lint rules that keep the house in order fail on a violation: snippets linted with the repository's own
 * eslint.config.js as if they were files of the tree. Type information is left out (the snippets are in no
 * TypeScript project, and none of these rules needs it), which keeps this quick.
 */

import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: ROOT, overrideConfig: [tseslint.configs.disableTypeChecked] });
});

interface Problem {
  readonly ruleId: string | null;
  /** 2 for an error, which fails CI; 1 for a warning, which does not. */
  readonly severity: number;
  readonly message: string;
}

/** Every problem in `code`, linted as the file at `filePath` (relative to the repository). */
async function problems(filePath: string, code: string): Promise<Problem[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map(({ ruleId, severity, message }) => ({ ruleId, severity, message }));
}

const error = (ruleId: string, message: RegExp): Problem => ({
  ruleId,
  severity: 2,
  message: expect.stringMatching(message) as string,
});

const CORE = /core\/ is pure: no Node, Electron, React or shell/u;
const RENDERER = /renderer\/ runs in the page: no Node, Electron, app\/ or electron\//u;
const APP = /app\/ is the shell every front end shares: no Electron, electron\/ or renderer\//u;
const LEAF = /Leaves of renderer\/ never import its composition root renderer\/app\//u;

describe('the floors, as lint rules', () => {
  it.each([
    ['core/bad.ts', "import 'node:fs';", CORE],
    ['core/bad.ts', "export { readFileSync } from 'fs';", CORE],
    ['core/bad.ts', "export { useState } from 'react';", CORE],
    ['core/bad.ts', "export type { Controller } from '../renderer/app/controller.js';", CORE],
    ['core/search/bad.ts', "export { LibraryService } from '../../app/library-service.js';", CORE],
    ['core/import/bad.test.ts', "import 'electron';", CORE],
    ['renderer/list/bad.tsx', "export { LibraryService } from '../../app/library-service.js';", RENDERER],
    ['renderer/main.tsx', "import '../electron/main.js';", RENDERER],
    ['renderer/lib/bad.ts', "export { join } from 'node:path';", RENDERER],
    ['app/bad.ts', "import '../electron/main.js';", APP],
    ['app/http/bad.ts', "export type { Paper } from '../../renderer/state/papers.js';", APP],
    ['app/bad.ts', "export { app } from 'electron';", APP],
    ['renderer/list/bad.tsx', "export type { Controller } from '../app/controller.js';", LEAF],
    ['renderer/bad.ts', "import './app/start.js';", LEAF],
    // A leaf still let to import renderer/app/context.ts until the shared kit has a folder of its own: nothing else.
    ['renderer/list/PaperList.tsx', "import '../app/controller.js';", LEAF],
  ])('%s: %s is an error', async (filePath, code, message) => {
    expect(await problems(filePath, code)).toEqual([error('no-restricted-imports', message)]);
  });

  it.each([
    ['core/clean.ts', "export { z } from 'zod'; export { titleId } from './identity.js';"],
    ['core/import/clean.test.ts', "export { readFileSync } from 'node:fs';"],
    ['renderer/main.tsx', "import('./app/start.js').catch(() => undefined);"],
    ['renderer/app/clean.tsx', "export type { Controller } from './controller.js'; import '../../core/model.js';"],
    ['renderer/list/clean.tsx', "import '../state/state.js'; import '../../core/model.js';"],
    ['app/clean.ts', "export type { Paper } from '../core/model.js'; export { readFile } from 'node:fs/promises';"],
    [
      'electron/clean.ts',
      "export { app } from 'electron'; export { LibraryService } from '../app/library-service.js';",
    ],
  ])('%s: %s is clean', async (filePath, code) => {
    expect(await problems(filePath, code)).toEqual([]);
  });
});

describe('the rules of hooks, in renderer/', () => {
  const counter = (body: string): string =>
    `import { useState } from 'react';\nexport function Counter({ shown }: { shown: boolean }) {\n${body}\n}\n`;

  it('a hook called conditionally is an error', async () => {
    const code = counter('  if (!shown) return null;\n  const [count] = useState(0);\n  return count;');
    expect(await problems('renderer/list/Bad.tsx', code)).toEqual([
      error('react-hooks/rules-of-hooks', /called conditionally/u),
    ]);
  });

  it('a hook called unconditionally is clean', async () => {
    const code = counter('  const [count] = useState(0);\n  if (!shown) return null;\n  return count;');
    expect(await problems('renderer/list/Clean.tsx', code)).toEqual([]);
  });

  it('an effect missing a dependency is an error', async () => {
    const code = [
      "import { useEffect } from 'react';",
      'export function Title({ title }: { title: string }) {',
      '  useEffect(() => {',
      '    document.title = title;',
      '  }, []);',
      '  return null;',
      '}',
      '',
    ].join('\n');
    expect(await problems('renderer/list/Bad.tsx', code)).toEqual([
      error('react-hooks/exhaustive-deps', /missing dependency: 'title'/u),
    ]);
  });
});
