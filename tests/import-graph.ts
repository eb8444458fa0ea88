/**
 * The repository's own TypeScript files and the imports between them, as the sources write them: type-only
 * imports, `export … from`, `import()` and `import('…')` types included.
 */

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { extname, join, posix } from 'node:path';
import ts from 'typescript';

export interface ImportGraph {
  /** Repository-relative paths (with `/`) of every .ts, .tsx, .mts and .cts file, sorted. */
  readonly files: readonly string[];
  /** Each file's imports of files of the graph, in source order. */
  readonly imports: ReadonlyMap<string, readonly string[]>;
  /** Each file's bare specifiers (packages, `node:*`), in source order. */
  readonly packages: ReadonlyMap<string, readonly string[]>;
  /** Relative specifiers that name no file, as `file → specifier`. */
  readonly unresolved: readonly string[];
}

const SOURCE = /\.[cm]?tsx?$/u;
const NOT_SOURCES = new Set(['node_modules', 'dist', 'release', 'test-results', 'coverage']);

function sourceFiles(root: string, folder = ''): string[] {
  return readdirSync(join(root, folder), { withFileTypes: true }).flatMap((entry) => {
    const path = folder === '' ? entry.name : `${folder}/${entry.name}`;
    if (entry.isDirectory()) {
      return entry.name.startsWith('.') || NOT_SOURCES.has(entry.name) ? [] : sourceFiles(root, path);
    }
    return entry.isFile() && SOURCE.test(entry.name) ? [path] : [];
  });
}

// A specifier names the file the compiler emits (`./x.js`); its source is x.ts or x.tsx (x.mts, x.cts).
const SOURCES_OF: Readonly<Record<string, readonly string[]>> = {
  '.js': ['.ts', '.tsx'],
  '.jsx': ['.tsx'],
  '.mjs': ['.mts'],
  '.cjs': ['.cts'],
};

export function importGraph(root: string): ImportGraph {
  const files = sourceFiles(root).sort();
  const known = new Set(files);
  const imports = new Map<string, string[]>();
  const packages = new Map<string, string[]>();
  const unresolved: string[] = [];
  for (const file of files) {
    const targets: string[] = [];
    const bare: string[] = [];
    const source = readFileSync(join(root, file), 'utf8');
    for (const { fileName: specifier } of ts.preProcessFile(source, true, true).importedFiles) {
      if (!specifier.startsWith('./') && !specifier.startsWith('../')) {
        bare.push(specifier);
        continue;
      }
      const path = posix.join(posix.dirname(file), specifier);
      const extension = extname(path);
      const stem = path.slice(0, path.length - extension.length);
      const target = [...(SOURCES_OF[extension] ?? []).map((source) => stem + source), path].find((candidate) =>
        known.has(candidate),
      );
      if (target !== undefined) targets.push(target);
      // An import of a stylesheet or of JSON is no edge of this graph.
      else if (!existsSync(join(root, path))) unresolved.push(`${file} → ${specifier}`);
    }
    imports.set(file, targets);
    packages.set(file, bare);
  }
  return { files, imports, packages, unresolved };
}

/** Tarjan's strongly connected components with more than one file, or one file that imports itself. */
export function stronglyConnected(graph: ImportGraph): string[][] {
  const index = new Map<string, number>();
  const lowLink = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];

  const visit = (file: string): void => {
    index.set(file, index.size);
    lowLink.set(file, index.get(file) ?? 0);
    stack.push(file);
    onStack.add(file);
    for (const target of graph.imports.get(file) ?? []) {
      if (!index.has(target)) {
        visit(target);
        lowLink.set(file, Math.min(lowLink.get(file) ?? 0, lowLink.get(target) ?? 0));
      } else if (onStack.has(target)) {
        lowLink.set(file, Math.min(lowLink.get(file) ?? 0, index.get(target) ?? 0));
      }
    }
    if (lowLink.get(file) !== index.get(file)) return;
    const component: string[] = [];
    for (let member = stack.pop(); member !== undefined; member = stack.pop()) {
      onStack.delete(member);
      component.push(member);
      if (member === file) break;
    }
    if (component.length > 1 || (graph.imports.get(file) ?? []).includes(file)) components.push(component.sort());
  };

  for (const file of graph.files) if (!index.has(file)) visit(file);
  return components.sort((a, b) => (a[0] ?? '').localeCompare(b[0] ?? ''));
}

/** The shortest chain of imports from `from` to a file that `isTarget`, through files that `may` pass (BFS). */
export function importChain(
  graph: ImportGraph,
  from: string,
  isTarget: (file: string) => boolean,
  may: (importer: string, imported: string) => boolean = () => true,
): string[] | undefined {
  const cameFrom = new Map<string, string>();
  const queue = [from];
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    for (const target of graph.imports.get(file) ?? []) {
      if (cameFrom.has(target) || !may(file, target)) continue;
      cameFrom.set(target, file);
      if (isTarget(target)) {
        const chain = [target];
        for (let step = file; step !== from; step = cameFrom.get(step) ?? from) chain.unshift(step);
        return [from, ...chain];
      }
      queue.push(target);
    }
  }
  return undefined;
}

/**
 * A component as a closed walk along its imports, from its first file through every other and back, e.g.
 * `a.ts → b.ts → a.ts`.
 */
export function cycleThrough(graph: ImportGraph, component: readonly string[]): string {
  const members = new Set(component);
  const within = (_: string, imported: string): boolean => members.has(imported);
  const [start = ''] = component;
  const walk = [start];
  for (const next of [...component.slice(1), start]) {
    if (walk.includes(next) && next !== start) continue;
    const current = walk.at(-1) ?? start;
    const chain = importChain(graph, current, (file) => file === next, within) ?? [current, next];
    walk.push(...chain.slice(1));
  }
  return walk.join(' → ');
}
