import './SortControl.css';
import { useId } from 'react';
import { LIST_SORT_WORDS, LIST_SORTS, type ListSort, type ListSortKey } from '../../core/list-sort.js';
import { useAppState, useController } from '../kit/context.js';
import { formatCount, plural } from '../lib/status.js';
import { relevanceShown } from '../state/relevance.js';
import { sortOf } from '../state/sort.js';
import type { RelevanceOrder } from '../state/types.js';
import { CouldNotRank, stillNeeded } from './RankedHeader.js';

/**
 * The sorts the list offers, each way round. Relevance is the library's ranking of the view's papers up next, the
 * ranker Up next uses, asked for when it is chosen.
 */
const OFFERED: readonly ListSortKey[] = LIST_SORTS;

const valueOf = (sort: ListSort): string => `${sort.by}${sort.reverse ? ':reversed' : ''}`;

function sortOfValue(value: string): ListSort | null {
  const [by, reversed] = value.split(':');
  const key = OFFERED.find((offered) => offered === by);
  return key === undefined ? null : { by: key, reverse: reversed === 'reversed' };
}

/** The list's order in this view: a labelled select, each sort offered either way round. */
export function SortControl() {
  const controller = useController();
  const sort = useAppState(sortOf);
  const relevance = useAppState(relevanceShown);
  const id = useId();
  return (
    <div className="list-sort">
      <label htmlFor={id}>Sort by</label>
      <select
        id={id}
        className="list-sort-select"
        value={valueOf(sort)}
        onChange={(event) => {
          const chosen = sortOfValue(event.target.value);
          if (chosen !== null) controller.setSort(chosen);
        }}
      >
        {OFFERED.flatMap((by) =>
          [false, true].map((reverse) => {
            const words = LIST_SORT_WORDS[by];
            return (
              <option key={valueOf({ by, reverse })} value={valueOf({ by, reverse })}>
                {words.name}, {reverse ? words.reversed : words.natural}
              </option>
            );
          }),
        )}
      </select>
      {sort.by === 'relevance' && <RelevanceNote relevance={relevance} />}
    </div>
  );
}

/**
 * What the relevance order is: being made, learnt from the user's decisions, or by upvotes while there are too few
 * (and how many more it needs), or why it could not be made. Said to a screen reader as it changes.
 */
function RelevanceNote({ relevance }: { relevance: RelevanceOrder | null }) {
  const { basis } = relevance ?? { basis: null };
  let text: string;
  if (relevance === null || (relevance.ranking && basis === null)) text = 'Ranking by relevance…';
  else if (basis === null) text = '';
  else if (basis.basis === 'learnt') {
    text = `Ranked by what you kept (${plural(basis.kept, 'paper')}) against what you dismissed (${formatCount(basis.dismissed)}), as Up next is; papers decided on follow as listed.`;
  } else {
    const needed = stillNeeded(basis, null);
    text = `By Hugging Face upvotes, then as listed: too few decisions to learn from yet.${needed === '' ? '' : ` To sort by what you read first, ${needed}.`}`;
  }
  return (
    <p className="list-sort-note" role="status">
      {text}
      {relevance?.failed != null && (
        <>
          {' '}
          <CouldNotRank message={relevance.failed} />
        </>
      )}
    </p>
  );
}
