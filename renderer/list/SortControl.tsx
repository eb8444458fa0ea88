import './SortControl.css';
import { useId } from 'react';
import { LIST_SORT_WORDS, LIST_SORTS, type ListSort, type ListSortKey } from '../../core/list-sort.js';
import { useAppState, useController } from '../kit/context.js';
import { sortOf } from '../state/sort.js';

/**
 * The sorts the list offers, each way round. Relevance is a ranking's order (Up next): it joins these where a view
 * has one to give.
 */
const OFFERED: readonly ListSortKey[] = LIST_SORTS.filter((key) => key !== 'relevance');

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
    </div>
  );
}
