/**
 * The real arXiv listings the ranking benchmark reads: `../shared/data/arxiv-listings/` beside the repository (for
 * a git worktree, beside the repository it belongs to), 21 days of JSON lines. Each day's papers once each (a paper
 * cross-listed in several of the collected categories is listed several times), in the listing's order.
 */

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface ListedPaper {
  readonly id: string;
  readonly title: string;
  readonly abstract: string;
  readonly authors: readonly string[];
  readonly categories: readonly string[];
}

export interface ListingDay {
  readonly date: string;
  readonly papers: readonly ListedPaper[];
}

const LISTINGS = join('shared', 'data', 'arxiv-listings');

/** The folder of listings, or null when it is not there. */
export function listingsFolder(repoRoot: string): string | null {
  const roots = [repoRoot];
  // A worktree's .git is a file naming the main repository's .git/worktrees/NAME: its data sits beside that one.
  const gitFile = join(repoRoot, '.git');
  try {
    const gitdir = /^gitdir: (.+)$/m.exec(readFileSync(gitFile, 'utf8'))?.[1];
    if (gitdir !== undefined) roots.push(dirname(gitdir.slice(0, gitdir.indexOf('/.git/') + 5)));
  } catch {
    // A repository of its own (.git a folder), or none.
  }
  for (const root of roots) {
    const folder = join(root, '..', LISTINGS);
    if (existsSync(folder)) return folder;
  }
  return null;
}

interface ListingLine {
  readonly id: string;
  readonly title: string;
  readonly summary: string;
  readonly authors: readonly string[];
  readonly categories: readonly string[];
}

export function readListings(folder: string): ListingDay[] {
  const files = readdirSync(folder)
    .filter((name) => /^\d{4}-\d{2}-\d{2}\.jsonl$/.test(name))
    .sort();
  const seen = new Set<string>();
  return files.map((name) => {
    const papers: ListedPaper[] = [];
    for (const line of readFileSync(join(folder, name), 'utf8').split('\n')) {
      if (line.trim() === '') continue;
      const entry = JSON.parse(line) as ListingLine;
      if (seen.has(entry.id)) continue;
      seen.add(entry.id);
      papers.push({
        id: entry.id,
        title: entry.title,
        abstract: entry.summary,
        authors: entry.authors,
        categories: entry.categories,
      });
    }
    return { date: name.slice(0, 10), papers };
  });
}
