/**
 * What the sidebar counts: papers per view (a reading status, or snoozed, on the day the state holds), per digest
 * and status, and per tag. Counted once when the library loads (and when the day changes), then kept up to date
 * from each change's before and after, so a change to one paper among 100,000 costs next to nothing. Pure.
 */

import type { Paper, ReadingStatus } from '../../core/model.js';
import { tagCounts, type StatusCounts, type TagCount } from '../../core/query.js';
import { triageStatusOf, type TriageStatus } from '../../core/triage.js';

/** Papers in each triage view: every paper is in exactly one. */
type ViewCounts = Readonly<Record<TriageStatus, number>>;

export interface Counts {
  readonly status: ViewCounts;
  /** Papers of each digest by status. */
  readonly digests: ReadonlyMap<string, StatusCounts>;
  /** Every tag in use, most used first (core/query's tagCounts). */
  readonly tags: readonly TagCount[];
}

const ZERO: StatusCounts = { unread: 0, reading: 0, read: 0, dismissed: 0 };

function bump<K extends string>(counts: Readonly<Record<K, number>>, key: K, by: number): Readonly<Record<K, number>> {
  return { ...counts, [key]: counts[key] + by };
}

export function countAll(papers: readonly Paper[], today: string): Counts {
  const status = { unread: 0, reading: 0, read: 0, snoozed: 0, dismissed: 0 };
  const digests = new Map<string, Record<ReadingStatus, number>>();
  for (const paper of papers) {
    status[triageStatusOf(paper, today)] += 1;
    for (const id of paper.digests) {
      let counts = digests.get(id);
      if (counts === undefined) {
        counts = { ...ZERO };
        digests.set(id, counts);
      }
      counts[paper.status] += 1;
    }
  }
  return { status, digests, tags: tagCounts(papers) };
}

/**
 * The counts after papers changed from `before` to `after` (same length, same order). Tags are recounted over
 * `papers` (the library after the change) only when some paper's tags changed.
 */
export function countChange(
  counts: Counts,
  before: readonly Paper[],
  after: readonly Paper[],
  papers: readonly Paper[],
  today: string,
): Counts {
  let status = counts.status;
  let digests: Map<string, StatusCounts> | null = null;
  let tagsChanged = false;
  for (let position = 0; position < before.length; position += 1) {
    const old = before[position];
    const now = after[position];
    if (old === undefined || now === undefined || old === now) continue;
    if (old.tags !== now.tags) tagsChanged = true;
    const viewBefore = triageStatusOf(old, today);
    const viewAfter = triageStatusOf(now, today);
    if (viewBefore !== viewAfter) status = bump(bump(status, viewBefore, -1), viewAfter, 1);
    if (old.status === now.status) continue;
    digests ??= new Map(counts.digests);
    for (const id of old.digests) digests.set(id, bump(digests.get(id) ?? ZERO, old.status, -1));
    for (const id of now.digests) digests.set(id, bump(digests.get(id) ?? ZERO, now.status, 1));
  }
  const tags = tagsChanged ? tagCounts(papers) : counts.tags;
  if (status === counts.status && digests === null && tags === counts.tags) return counts;
  return { status, digests: digests ?? counts.digests, tags };
}
