import './RankedHeader.css';
import './SortControl.css';
import { useId } from 'react';
import { useAppState, useController } from '../kit/context.js';
import { FieldText } from '../kit/FieldText.js';
import { BackIcon } from '../kit/icons.js';
import { isolated } from '../lib/bidi.js';
import { formatCount, plural } from '../lib/status.js';
import { paperById } from '../state/state.js';
import { rankingOf, unrankedCount } from '../state/ranked.js';
import type { AppState, Ranked, UpNextBasis } from '../state/types.js';
import { visibleIds } from '../state/visible.js';
import { viewName } from './view-name.js';

/** The ranking the list shows, if the view is a ranked one. */
const shownRanking = (state: AppState): Ranked | null => rankingOf(state.ranked, state.filter);

/**
 * Above a ranked list: for Up next, what its order is learnt from (or, with too few decisions, that it is by upvotes
 * and how many more decisions it needs) and which papers it ranks by; for More like this, which paper, and Back.
 */
export function RankedHeader() {
  const ranked = useAppState(shownRanking);
  const back = useAppState((state) => (state.filter.kind === 'similar' ? viewName(state, state.filter.back) : ''));
  const unranked = useAppState((state) => {
    const current = shownRanking(state);
    return current === null ? 0 : unrankedCount(current, visibleIds(state));
  });
  if (ranked === null) return null;
  const { filter } = ranked;
  return (
    <div className="ranked-header">
      {filter.kind === 'similar' ? (
        <SimilarBasis id={filter.id} back={back} />
      ) : (
        <>
          {ranked.upNext !== null && <UpNextBasisText basis={ranked.upNext} tag={filter.tag} />}
          {unranked > 0 && ranked.upNext !== null && (
            <p className="ranked-note">
              The best {formatCount(ranked.ids.length)} are ranked; the other {formatCount(unranked)} follow as listed.
            </p>
          )}
          <RankBy tag={filter.tag} />
        </>
      )}
      {ranked.failed !== null && (
        <p className="ranked-failed" role="alert">
          <CouldNotRank message={ranked.failed} />
        </p>
      )}
    </div>
  );
}

/** Why the papers could not be ranked, and Try again (the view shown afresh, ranked again). */
export function CouldNotRank({ message }: { message: string }) {
  const controller = useController();
  return (
    <>
      Couldn’t rank the papers: {message}{' '}
      <button type="button" className="text-button" onClick={() => controller.refreshView()}>
        Try again
      </button>
    </>
  );
}

/** What the ranking still needs, in words: "keep 3 more papers and dismiss 5 more"; empty when nothing. */
export function stillNeeded(basis: UpNextBasis, tag: string | null): string {
  const kept = Math.max(0, basis.needed.kept - basis.kept);
  const dismissed = Math.max(0, basis.needed.dismissed - basis.dismissed);
  const parts: string[] = [];
  if (kept > 0)
    parts.push(tag === null ? `keep ${plural(kept, 'more paper')}` : `tag ${plural(kept, 'more paper')} with it`);
  if (dismissed > 0) {
    parts.push(`dismiss ${formatCount(dismissed)} more${tag === null ? '' : ' (or file them under other tags)'}`);
  }
  return parts.join(' and ');
}

function UpNextBasisText({ basis, tag }: { basis: UpNextBasis; tag: string | null }) {
  if (basis.basis === 'learnt') {
    return (
      <p className="ranked-basis">
        {tag === null ? (
          <>
            Ranked by what you kept ({plural(basis.kept, 'paper')}) against what you dismissed (
            {formatCount(basis.dismissed)}), learnt on this computer.
          </>
        ) : (
          <>
            Ranked by what you filed under <FieldText text={`#${tag}`} /> ({plural(basis.kept, 'paper')}) against what
            you dismissed or filed under other tags ({formatCount(basis.dismissed)}).
          </>
        )}
      </p>
    );
  }
  const needed = stillNeeded(basis, tag);
  return (
    <p className="ranked-basis">
      In order of Hugging Face upvotes, then as listed: too few decisions to learn from yet.{' '}
      {needed === '' ? null : tag === null ? (
        `To have Up next learn what you read first, ${needed} (a paper is kept when you tag it, note it, or read it).`
      ) : (
        <>
          To rank by what you file under <FieldText text={`#${tag}`} />, {needed}.
        </>
      )}
    </p>
  );
}

/** Which decisions Up next learns from: everything the user kept, or a tag's papers. */
function RankBy({ tag }: { tag: string | null }) {
  const controller = useController();
  const id = useId();
  const tags = useAppState((state) => state.counts.tags);
  if (tags.length === 0 && tag === null) return null;
  const current =
    tag === null ? '' : (tags.find((entry) => entry.tag.toLocaleLowerCase() === tag.toLocaleLowerCase())?.tag ?? tag);
  const listed =
    tags.some((entry) => entry.tag === current) || current === '' ? tags : [{ tag: current, count: 0 }, ...tags];
  return (
    <div className="ranked-by">
      <label htmlFor={id}>Rank by</label>
      <select
        id={id}
        className="list-sort-select"
        value={current}
        onChange={(event) => controller.showUpNext(event.target.value === '' ? null : event.target.value)}
      >
        <option value="">Everything you kept</option>
        {listed.map((entry) => (
          <option key={entry.tag} value={entry.tag}>
            {`What you filed under #${isolated(entry.tag)}`}
          </option>
        ))}
      </select>
    </div>
  );
}

function SimilarBasis({ id, back }: { id: string; back: string }) {
  const controller = useController();
  const title = useAppState((state) => paperById(state, id)?.title ?? id);
  return (
    <>
      <p className="ranked-basis">
        The papers nearest “<FieldText text={title} math="inline" />” by the words, phrases and authors they share.
      </p>
      <button type="button" className="button is-small is-quiet ranked-back" onClick={() => controller.leaveSimilar()}>
        <BackIcon />
        Back to <FieldText text={back} />
      </button>
    </>
  );
}
