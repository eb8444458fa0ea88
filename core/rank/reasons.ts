/** A ranked paper's reasons: the terms that weigh most for it, in words. Pure. */

/** Reasons given per paper. */
const REASONS = 3;

/**
 * The labels of the first buckets of `ranked` (best first) that say something new: a word already said by a phrase
 * chosen, or a phrase whose words were all said, is passed over, and a phrase takes the place of a word of it.
 */
export function reasonsFrom(ranked: Iterable<number>, labels: ReadonlyMap<number, string>): string[] {
  const reasons: string[] = [];
  const said = (word: string): boolean => reasons.some((reason) => reason.split(' ').includes(word));
  for (const bucket of ranked) {
    const label = labels.get(bucket);
    if (label === undefined) continue;
    const words = label.split(' ');
    if (words.every(said)) continue;
    const shorter = words.length > 1 ? reasons.findIndex((reason) => words.includes(reason)) : -1;
    if (shorter !== -1) reasons.splice(shorter, 1);
    reasons.push(label);
    if (reasons.length === REASONS) break;
  }
  return reasons;
}

/** The buckets of `indices` by how much `weigh` says each adds, most first, those adding nothing left out. */
export function byWeight(indices: ArrayLike<number>, weigh: (k: number) => number): number[] {
  const weighed: { bucket: number; weight: number }[] = [];
  for (let k = 0; k < indices.length; k++) {
    const weight = weigh(k);
    if (weight > 0) weighed.push({ bucket: indices[k] ?? 0, weight });
  }
  return weighed.sort((a, b) => b.weight - a.weight || a.bucket - b.bucket).map(({ bucket }) => bucket);
}
