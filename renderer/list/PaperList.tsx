import './PaperList.css';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useRef } from 'react';
import { useAppState, useController } from '../kit/context.js';
import { FieldText } from '../kit/FieldText.js';
import { SearchIcon } from '../kit/icons.js';
import { isolated } from '../lib/bidi.js';
import { formatCount, plural } from '../lib/status.js';
import { paperById } from '../state/state.js';
import type { AppState } from '../state/types.js';
import { decidedCount, visibleIds } from '../state/visible.js';
import { isRankedFilter, rankingOf } from '../state/ranked.js';
import { relevanceShown, sortedByRelevance } from '../state/relevance.js';
import { RankedHeader } from './RankedHeader.js';
import { filterName, viewOf } from './view-name.js';
import { PaperRow, rowDomId } from './PaperRow.js';
import { RESULT_LIMIT_DEFAULT } from '../search/limits.js';
import { SearchBox } from './SearchBox.js';
import { SortControl } from './SortControl.js';

/** The view shown is sorted by relevance, and the library is ranking it. */
const rankingByRelevance = (state: AppState): boolean =>
  sortedByRelevance(state) && (relevanceShown(state)?.ranking ?? true);

/** The ranked view shown is waiting for its first ranking: nothing to list yet. */
const awaitingRanking = (state: AppState): boolean => {
  const ranked = rankingOf(state.ranked, state.filter);
  return isRankedFilter(state.filter) && (ranked === null || (ranked.ranking && ranked.ids.length === 0));
};

export function ListPane() {
  const controller = useController();
  const ids = useAppState(visibleIds);
  const decided = useAppState(decidedCount);
  const name = useAppState(filterName);
  const query = useAppState((state) => state.query.trim());
  const results = useAppState((state) => state.results);
  const selectedCount = useAppState((state) => state.selection.ids.size);
  const ranking = useAppState(awaitingRanking);
  const reordering = useAppState(rankingByRelevance);
  const rankedView = useAppState((state) => isRankedFilter(state.filter));
  const searching = query !== '' && results?.query.trim() !== query;
  const settled = query !== '' && !searching;

  // What the view holds, as its count in the sidebar says; the papers decided on here are shown, and counted, apart.
  const held = ids.length - decided;
  let summary: string;
  if (ranking) summary = 'Ranking…';
  else if (query === '') summary = plural(held, 'paper');
  else if (searching && results === null) summary = 'Searching…';
  else
    summary = `${plural(held, 'match', 'matches')}${results?.truncated === true ? ` (best ${formatCount(RESULT_LIMIT_DEFAULT)})` : ''}`;

  return (
    <section className="list-pane" aria-label="Papers" aria-busy={searching || ranking || reordering || undefined}>
      <header className="list-header">
        <SearchBox />
        <div className="list-summary" aria-live="polite">
          <FieldText className="list-summary-name" text={name} />
          <span className="list-summary-count">
            {summary}
            {decided > 0 && ` · ${formatCount(decided)} decided`}
            {selectedCount > 1 && ` · ${formatCount(selectedCount)} selected`}
          </span>
        </div>
        {/* A ranked view's order is the ranking's: it says what it is learnt from instead. */}
        {rankedView ? <RankedHeader /> : <SortControl />}
        {decided > 0 && (
          <div className="list-decided">
            <button type="button" className="text-button" onClick={() => controller.refreshView()}>
              Hide {decided === 1 ? 'the paper' : `the ${formatCount(decided)} papers`} decided on here
            </button>
          </div>
        )}
      </header>
      {ranking ? (
        <div className="list-body list-empty" role="status">
          <p className="empty-text">Ranking the papers…</p>
        </div>
      ) : ids.length === 0 ? (
        settled || query === '' ? (
          <EmptyList query={query} filterName={name} />
        ) : (
          <div className="list-body" />
        )
      ) : (
        <PaperList ids={ids} label={query === '' ? name : `Search results for ${query}`} />
      )}
    </section>
  );
}

function EmptyList({ query, filterName: name }: { query: string; filterName: string }) {
  const controller = useController();
  const filtered = useAppState((state) => state.filter.kind !== 'all');
  const view = useAppState((state) => viewOf(state.filter));
  const similar = useAppState((state) => state.filter.kind === 'similar');
  if (query !== '') {
    return (
      <div className="list-body list-empty" role="status">
        <SearchIcon />
        <p className="empty-title">
          No papers match “<FieldText text={query} />”
        </p>
        <p className="empty-text">
          {filtered ? `Nothing in ${isolated(name)} matches. ` : ''}Check the spelling, try fewer words, or search for a
          tag with <code>tag:name</code>.
        </p>
        <div className="empty-actions">
          {filtered && (
            <button type="button" className="button" onClick={() => controller.showAll()}>
              Search all papers
            </button>
          )}
          <button type="button" className="button is-quiet" onClick={() => controller.setQuery('')}>
            Clear search
          </button>
        </div>
      </div>
    );
  }
  const text = view?.empty ?? (similar ? 'No paper in your library is like this one.' : 'No papers here.');
  return (
    <div className="list-body list-empty" role="status">
      <p className="empty-title">
        <FieldText text={name} />
      </p>
      <p className="empty-text">{text}</p>
      {filtered && (
        <div className="empty-actions">
          <button type="button" className="button" onClick={() => controller.showAll()}>
            Show all papers
          </button>
        </div>
      )}
    </div>
  );
}

function PaperList({ ids, label }: { ids: readonly string[]; label: string }) {
  const controller = useController();
  const scrollRef = useRef<HTMLDivElement>(null);
  const cursor = useAppState((state) => state.selection.cursor);
  const multi = useAppState((state) => state.selection.ids.size > 1);
  const cursorVisible = useAppState((state) => paperById(state, state.selection.cursor) !== undefined);

  // Stable callbacks: a new getItemKey makes the virtualiser re-measure every row, 100,000 of them.
  const getItemKey = useCallback((index: number) => ids[index] ?? index, [ids]);
  // The React Compiler (which this app does not run) would skip this component for useVirtualizer; the memoised
  // rows are handed only measureElement, a stable ref callback.
  // eslint-disable-next-line react-hooks/incompatible-library -- see above
  const virtualizer = useVirtualizer({
    count: ids.length,
    getScrollElement: useCallback(() => scrollRef.current, []),
    estimateSize: useCallback(() => 94, []),
    overscan: 6,
    getItemKey,
  });

  useEffect(
    () =>
      controller.onFocusRequest('list', () => {
        scrollRef.current?.focus({ preventScroll: true });
      }),
    [controller],
  );

  // Keep the cursor in view as j/k move it.
  const cursorIndex = cursor === null ? -1 : ids.indexOf(cursor);
  useEffect(() => {
    if (cursorIndex >= 0) virtualizer.scrollToIndex(cursorIndex, { align: 'auto' });
  }, [cursorIndex, virtualizer]);

  const items = virtualizer.getVirtualItems();
  return (
    <div
      ref={scrollRef}
      id="papers"
      className="list-body list-scroll"
      role="listbox"
      aria-label={`Papers: ${label}`}
      aria-multiselectable="true"
      aria-activedescendant={cursor !== null && cursorVisible && cursorIndex >= 0 ? rowDomId(cursor) : undefined}
      tabIndex={0}
      data-multi={multi || undefined}
    >
      <div className="list-spacer" style={{ height: `${virtualizer.getTotalSize()}px` }}>
        {items.map((item) => {
          const id = ids[item.index];
          return id === undefined ? null : (
            <PaperRow
              key={id}
              id={id}
              index={item.index}
              start={item.start}
              total={ids.length}
              measure={virtualizer.measureElement}
            />
          );
        })}
      </div>
    </div>
  );
}
