/**
 * The catalogue folded again after imports arrived (replica.ts): only the new ones folded onto the fold before when
 * they sort after every import in it (the usual case: an import made here, or another device's that is newer), else
 * every import folded from the start. Either way the fold foldImports makes of them all. Pure.
 */

import { foldImports, foldOnward, type CatalogueFold, type ImportOp } from './catalogue-fold.js';

/** The fold of `imports`, given `previous`, the fold of `before` (which `imports` grew from). */
export function grownFold(
  previous: CatalogueFold,
  before: ReadonlyMap<string, ImportOp>,
  imports: ReadonlyMap<string, ImportOp>,
): CatalogueFold {
  if (imports === before) return previous;
  const added: ImportOp[] = [];
  // A cache's fold (derived-catalogue.ts foldOfCache) folded imports that were not read then: read now, they are its.
  const spared = new Set(previous.imports);
  for (const id of before.keys()) spared.delete(id);
  let taken = 0;
  for (const [id, op] of imports) {
    const had = before.get(id);
    if (had === op) continue;
    // One preferred over the one folded (two computers writing as one device): everything folded again.
    if (had !== undefined) return foldImports(imports.values());
    if (spared.has(id)) taken += 1;
    else added.push(op);
  }
  if (imports.size !== before.size + added.length + taken) return foldImports(imports.values());
  if (added.length === 0) return previous;
  // Imports a cache's fold spared and not read yet cannot be folded again: the store reads them first unless the new
  // ones fold onward (catalogue-fold.ts foldsOnwardAfter).
  const unread = spared.size > taken;
  // The store folds a change's import twice onto one fold (to name its new papers, then to keep it): once is enough.
  const last = lastGrown.get(previous);
  if (last !== undefined && last.added.length === added.length && last.added.every((op, at) => op === added[at]))
    return last.fold;
  const onward = foldOnward(previous, added);
  if (onward === null && unread) throw new Error('Imports the cache folded were to be folded again unread.');
  const fold = onward ?? foldImports(imports.values());
  lastGrown.set(previous, { added, fold });
  return fold;
}

/** The last fold grown from each fold, and by what. */
const lastGrown = new WeakMap<CatalogueFold, { readonly added: readonly ImportOp[]; readonly fold: CatalogueFold }>();
