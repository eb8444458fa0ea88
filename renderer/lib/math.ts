/**
 * Formulas for the views: each as sanitised MathML (math-markup.ts), or null when it cannot be rendered. KaTeX is
 * fetched the first time some text shown has math, not before: a library without math never loads it, and the
 * first frame never waits for it. Until it has arrived a formula is `undefined` (its source shows), and subscribers
 * hear once it has. What it renders is kept per formula in a small LRU cache: the list draws the same titles again
 * on every keystroke of a search.
 */

import { LruCache } from './lru.js';
import type { RenderedFormula } from './math-markup.js';

type MathRenderer = (tex: string, display: boolean) => RenderedFormula | null;

const CACHE_SIZE = 500;

let renderer: MathRenderer | null = null;
let loading: Promise<void> | null = null;
let unavailable = false;
let version = 0;
const listeners = new Set<() => void>();
const cache = new LruCache<string, RenderedFormula | null>(CACHE_SIZE);

function loaded(): void {
  version += 1;
  for (const listener of listeners) listener();
}

/** Fetches the renderer, once. */
export function loadMath(): Promise<void> {
  loading ??= import('./math-markup.js').then(
    (module) => {
      renderer = module.renderMathMarkup;
      loaded();
    },
    (error: unknown) => {
      // Formulas then stay as their source, which reads, if less well.
      unavailable = true;
      console.warn(`Formulas show as TeX: ${error instanceof Error ? error.message : String(error)}`);
      loaded();
    },
  );
  return loading;
}

/**
 * The formula's MathML; null when it cannot be rendered; undefined while the renderer is on its way (asking starts
 * it). `display`: a `$$…$$` formula set on a line of its own.
 */
export function mathMarkup(tex: string, display: boolean): RenderedFormula | null | undefined {
  if (renderer === null) {
    if (unavailable) return null;
    void loadMath();
    return undefined;
  }
  const key = `${display ? '$$' : '$'}${tex}`;
  const cached = cache.get(key);
  if (cached !== undefined) return cached;
  const markup = renderer(tex, display);
  cache.set(key, markup);
  return markup;
}

/** For useSyncExternalStore: changes once the renderer has arrived (or failed to). */
export function mathVersion(): number {
  return version;
}

export function subscribeMath(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
