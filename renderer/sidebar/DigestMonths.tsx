import './DigestMonths.css';
import { useId, useState, type ReactNode } from 'react';
import type { DigestProgress } from '../../core/query.js';
import { useAppState } from '../kit/context.js';
import { ChevronIcon } from '../kit/icons.js';
import { monthLabel } from '../lib/days.js';
import { formatCount, plural } from '../lib/status.js';

interface Month {
  /** "2026-03". */
  readonly key: string;
  readonly digests: readonly DigestProgress[];
}

/** The day a digest is of (the day its page lists), else the day it was imported. */
const dayOf = (digest: DigestProgress): string => digest.date ?? digest.importedAt.slice(0, 10);

/** The digests by month of their day, in the order given (newest first). */
function months(digests: readonly DigestProgress[]): Month[] {
  const byMonth = new Map<string, DigestProgress[]>();
  for (const digest of digests) {
    const key = dayOf(digest).slice(0, 7);
    const month = byMonth.get(key);
    if (month === undefined) byMonth.set(key, [digest]);
    else month.push(digest);
  }
  return [...byMonth].map(([key, grouped]) => ({ key, digests: grouped }));
}

/**
 * The digests in the sidebar, newest first, grouped by the month of the day each is of: a disclosure button a
 * month (Enter or Space opens and closes it). Until opened or closed, a month is open when it is the newest, holds
 * a digest of the latest import (just brought in, it is in view) or holds the digest shown.
 */
export function DigestMonths({
  digests,
  item,
}: {
  digests: readonly DigestProgress[];
  item: (digest: DigestProgress) => ReactNode;
}) {
  const [toggled, setToggled] = useState<ReadonlyMap<string, boolean>>(new Map());
  const shown = useAppState((state) => (state.filter.kind === 'digest' ? state.filter.id : null));
  const id = useId();
  const grouped = months(digests);
  const latestImport = digests.reduce(
    (latest, digest) => (digest.importedAt > latest ? digest.importedAt : latest),
    '',
  );
  return (
    <ul className="nav-list digest-months">
      {grouped.map((month, index) => {
        const inView = month.digests.some((digest) => digest.id === shown || digest.importedAt === latestImport);
        const open = toggled.get(month.key) ?? (index === 0 || inView);
        const listId = `${id}-${month.key}`;
        return (
          <li key={month.key} className="digest-month">
            <h3 className="digest-month-heading">
              <button
                type="button"
                className="digest-month-toggle"
                aria-expanded={open}
                aria-controls={listId}
                onClick={() => setToggled(new Map(toggled).set(month.key, !open))}
              >
                <span className="digest-month-chevron">
                  <ChevronIcon />
                </span>
                <span className="digest-month-name">{monthLabel(`${month.key}-01`)}</span>
                <span className="nav-count" aria-label={plural(month.digests.length, 'digest')}>
                  {formatCount(month.digests.length)}
                </span>
              </button>
            </h3>
            <ul id={listId} className="nav-list" hidden={!open}>
              {month.digests.map(item)}
            </ul>
          </li>
        );
      })}
    </ul>
  );
}
