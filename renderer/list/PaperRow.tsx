import '../styles/tag-chips.css';
import './PaperRow.css';
import { memo, type MouseEvent } from 'react';
import type { Paper } from '../../core/model.js';
import { useAppState, useController } from '../kit/context.js';
import { FieldText } from '../kit/FieldText.js';
import { NoteConflictIcon, NoteIcon, UpvoteIcon } from '../kit/icons.js';
import { firstLine, rangesPerTag, snippetAround } from '../lib/highlight.js';
import { hasReturned, triageStatusOf } from '../../core/triage.js';
import { formatCount, plural, triageMark } from '../lib/status.js';
import type { Highlights } from '../search/protocol.js';
import { paperById, rowFactOf } from '../state/state.js';
import { isDecidedHere } from '../state/visible.js';
import { reasonsShown } from '../state/ranked.js';

export function rowDomId(id: string): string {
  return `paper-${id.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}

const isMac = /Mac|iPhone|iPad/.test(navigator.platform);

/** One paper in the list. Re-renders only when its paper, its selection or its highlights change. */
export const PaperRow = memo(function PaperRow({
  id,
  index,
  start,
  total,
  measure,
}: {
  id: string;
  index: number;
  start: number;
  total: number;
  measure: (element: HTMLElement | null) => void;
}) {
  const controller = useController();
  const paper = useAppState((state) => paperById(state, id));
  const selected = useAppState((state) => state.selection.ids.has(id));
  const cursor = useAppState((state) => state.selection.cursor === id);
  const highlights = useAppState((state) => (state.results === null ? undefined : state.results.highlights.get(id)));
  const today = useAppState((state) => state.today);
  const venue = useAppState((state) => rowFactOf(state, id, 'venue'));
  const upvotes = useAppState((state) => rowFactOf(state, id, 'upvotes'));
  // Decided on in this view (it no longer belongs here): stays in place, dimmed and marked, until the view is left.
  const decided = useAppState((state) => isDecidedHere(state, id));
  // In Up next and More like this: why the paper is where it is.
  const reasons = useAppState((state) => reasonsShown(state, id));
  const similar = useAppState((state) => state.filter.kind === 'similar');
  const conflict = useAppState((state) => state.noteConflicts.has(id));
  if (paper === undefined) return null;
  const view = triageStatusOf(paper, today);
  const returned = hasReturned(paper, today);

  const onClick = (event: MouseEvent): void => {
    event.preventDefault();
    controller.click(id, { shift: event.shiftKey, toggle: isMac ? event.metaKey : event.ctrlKey });
  };

  return (
    <div
      ref={measure}
      data-index={index}
      className={`row status-${view}${returned ? ' is-returned' : ''}${decided ? ' is-decided' : ''}${selected ? ' is-selected' : ''}${cursor ? ' is-cursor' : ''}`}
      style={{ transform: `translateY(${start}px)` }}
      onMouseDown={(event) => event.shiftKey && event.preventDefault()}
      onClick={onClick}
    >
      <RowContent
        paper={paper}
        mark={triageMark(paper, today)}
        markKind={returned ? 'returned' : view}
        facts={{ venue, upvotes, conflict }}
        highlights={highlights}
        option={{ id: rowDomId(id), selected, index, total }}
        reasons={reasons.length === 0 ? null : { label: similar ? 'In common' : 'Why', terms: reasons.join(', ') }}
      />
    </div>
  );
});

/** The row's option for a screen reader: where it is in the list, and whether it is selected. */
interface RowOption {
  readonly id: string;
  readonly selected: boolean;
  readonly index: number;
  readonly total: number;
}

/** What a screen reader says after the title: ", unread, 2024", ", snoozed until thu, mar 12" (the comma pauses). */
function stateWords(mark: string | null, paper: Paper): string {
  const status = (mark ?? 'Unread').toLocaleLowerCase('en');
  return paper.year === null ? `, ${status}` : `, ${status}, ${String(paper.year)}`;
}

/** What a row shows of a paper's facts besides its year: where it appeared, and its upvotes on Hugging Face. */
interface RowFacts {
  readonly venue: string | null;
  readonly upvotes: number | null;
  /** Its note was also written on another computer at the same time (a synced library): versions to choose from. */
  readonly conflict: boolean;
}

/** Why a ranked row is where it is: "Why: graph generation, diffusion, J. Leskovec". */
interface RowReasons {
  readonly label: string;
  readonly terms: string;
}

/**
 * The row's description: why it ranks where it does (in a ranked view), where the paper appeared, its upvotes, its
 * tags and whether it has a note.
 */
function aboutWords(paper: Paper, facts: RowFacts, reasons: RowReasons | null): string {
  const parts: string[] = [];
  if (reasons !== null) parts.push(`${reasons.label}: ${reasons.terms}.`);
  if (facts.venue !== null) parts.push(`${facts.venue}.`);
  if (facts.upvotes !== null) parts.push(`${plural(facts.upvotes, 'upvote')} on Hugging Face.`);
  if (paper.tags.length > 0) parts.push(`Tagged ${paper.tags.join(', ')}.`);
  if (paper.note.trim() !== '') parts.push('Has a note.');
  if (facts.conflict) parts.push('Its note was also edited on another computer: choose which to keep.');
  return parts.join(' ');
}

function RowContent({
  paper,
  mark,
  markKind,
  facts,
  highlights,
  option,
  reasons,
}: {
  paper: Paper;
  facts: RowFacts;
  /** Where the paper stands (triageMark), null for unread. */
  mark: string | null;
  /** Which colours the mark takes: the paper's view, or "returned". */
  markKind: string;
  highlights: Highlights | undefined;
  option: RowOption;
  reasons: RowReasons | null;
}) {
  const abstractRanges = highlights?.abstract;
  const noteRanges = highlights?.note;
  const tagRanges = rangesPerTag(paper.tags, highlights?.tags);
  let snippet: { text: string; ranges?: readonly (readonly [number, number])[]; from?: string; clipped: boolean };
  if (abstractRanges !== undefined && abstractRanges.length > 0) {
    const cut = snippetAround(paper.abstract, abstractRanges, { context: 36, maxLength: 200 });
    snippet = { text: cut.text, ranges: cut.ranges, clipped: cut.clippedStart };
  } else if (noteRanges !== undefined && noteRanges.length > 0) {
    const cut = snippetAround(paper.note, noteRanges, { context: 36, maxLength: 200 });
    snippet = { text: cut.text, ranges: cut.ranges, from: 'Note', clipped: cut.clippedStart };
  } else {
    snippet = { text: firstLine(paper.abstract), clipped: false };
  }
  const authorRanges = highlights?.authors;
  const about = aboutWords(paper, facts, reasons);
  const shownFacts = paper.year !== null || facts.venue !== null || facts.upvotes !== null;
  const showAuthors = authorRanges !== undefined && authorRanges.length > 0;

  return (
    <>
      <span className="row-marker" aria-hidden="true" />
      <div className="row-body">
        {/*
          The option is the title (and, unseen, the status and year): its name. The lines below are there to see,
          not to hear; they stand outside it so that what it shows is what it is called (WCAG 2.5.3).
        */}
        <div
          id={option.id}
          role="option"
          aria-labelledby={`${option.id}-title ${option.id}-state`}
          aria-describedby={about === '' ? undefined : `${option.id}-about`}
          aria-selected={option.selected}
          aria-setsize={option.total}
          aria-posinset={option.index + 1}
        >
          <div className="row-title" id={`${option.id}-title`}>
            <FieldText text={paper.title} ranges={highlights?.title} math="name" />
          </div>
          <span className="visually-hidden" id={`${option.id}-state`}>
            {stateWords(mark, paper)}
          </span>
          {about !== '' && (
            <span className="visually-hidden" id={`${option.id}-about`}>
              {about}
            </span>
          )}
        </div>
        {showAuthors && (
          <div className="row-authors" aria-hidden="true">
            <FieldText text={paper.authors.join(', ')} ranges={authorRanges} />
          </div>
        )}
        {snippet.text !== '' && (
          <div className="row-snippet" aria-hidden="true">
            {snippet.from !== undefined && <span className="row-snippet-from">{snippet.from}: </span>}
            {snippet.clipped && '…'}
            <FieldText text={snippet.text} ranges={snippet.ranges} math="inline" />
          </div>
        )}
        {reasons !== null && (
          <div className="row-snippet row-reasons" aria-hidden="true">
            <span className="row-reasons-label">{reasons.label}: </span>
            <FieldText text={reasons.terms} />
          </div>
        )}
        {/* Said by the row's name (its status and year) and description (venue, upvotes, tags and note). */}
        <div className="row-meta" aria-hidden="true">
          {shownFacts && (
            <span className="row-facts">
              {paper.year !== null && <span className="row-year">{paper.year}</span>}
              {facts.venue !== null && <FieldText className="row-venue" text={facts.venue} />}
              {facts.upvotes !== null && (
                <span className="row-upvotes" title={`${plural(facts.upvotes, 'upvote')} on Hugging Face`}>
                  <UpvoteIcon />
                  {formatCount(facts.upvotes)}
                </span>
              )}
            </span>
          )}
          {mark !== null && <span className={`status-pill status-${markKind}`}>{mark}</span>}
          {paper.tags.map((tag, position) => (
            <span key={tag} className="tag-chip is-small">
              <FieldText text={tag} ranges={tagRanges[position]} />
            </span>
          ))}
          {facts.conflict ? (
            <span className="row-note-conflict" title="Note edited on two computers: choose which to keep">
              <NoteConflictIcon />
            </span>
          ) : (
            paper.note.trim() !== '' && (
              <span className="row-has-note" title="Has a note">
                <NoteIcon />
              </span>
            )
          )}
        </div>
      </div>
    </>
  );
}
