import './DuplicatesView.css';
import { useEffect, useRef, useState } from 'react';
import type { DuplicateCandidate, PossibleDuplicates } from '../../core/duplicates.js';
import { useAppState, useController } from '../kit/context.js';
import { FieldText } from '../kit/FieldText.js';
import { MergeIcon } from '../kit/icons.js';
import { plural, STATUS_LABELS } from '../lib/status.js';
import { paperById } from '../state/state.js';

/** Shown in place of the list and the paper: papers with one title kept apart, each to merge into another or leave. */
export function DuplicatesView() {
  const controller = useController();
  const groups = useAppState((state) => state.duplicates);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(
    () =>
      controller.onFocusRequest('duplicates', () => {
        headingRef.current?.focus();
      }),
    [controller],
  );

  return (
    <main id="duplicates" className="duplicates-pane" aria-labelledby="duplicates-heading">
      <div className="duplicates-scroll">
        <header className="duplicates-header">
          <h1 id="duplicates-heading" ref={headingRef} className="duplicates-heading" tabIndex={-1}>
            Possible duplicates
          </h1>
          <p className="duplicates-intro">
            These papers share a title, but something says they are different works, so Shelfmark kept them apart. If
            two are one work after all, merge them: the one you keep takes both notes, every tag, the further reading
            status and every digest. A merge can be undone.
          </p>
        </header>
        {groups.length === 0 ? (
          <div className="duplicates-empty" role="status">
            <p>No possible duplicates: no two papers share a title.</p>
            <button type="button" className="button" onClick={() => controller.showAll()}>
              Show all papers
            </button>
          </div>
        ) : (
          groups.map((group, position) => (
            <DuplicateGroup key={group.papers.map((paper) => paper.id).join(' ')} group={group} position={position} />
          ))
        )}
      </div>
    </main>
  );
}

/** "years 1974 and 1986; no author in common (…)", or what to say when nothing tells two papers apart. */
function reasonText(reasons: readonly string[]): string {
  return reasons.length === 0 ? 'nothing tells them apart' : reasons.join('; ');
}

function DuplicateGroup({ group, position }: { group: PossibleDuplicates; position: number }) {
  const controller = useController();
  const [merging, setMerging] = useState<string | null>(null);
  const headingId = `duplicates-${position}-title`;
  const numbered = group.papers.length > 2;
  const number = (id: string): number => group.papers.findIndex((paper) => paper.id === id) + 1;

  const mergeInto = async (keep: DuplicateCandidate): Promise<void> => {
    setMerging(keep.id);
    const others = group.papers.filter((paper) => paper.id !== keep.id).map((paper) => paper.id);
    const merged = await controller.mergeDuplicates(keep.id, others, group.title);
    setMerging(null);
    // The group is gone: focus goes back to the top of the view rather than to the page.
    if (merged) controller.focus('duplicates');
  };

  return (
    <section className="duplicate-group" aria-labelledby={headingId}>
      <h2 id={headingId} className="duplicate-title">
        <FieldText text={group.title} math="inline" />
      </h2>
      {numbered ? (
        <ul className="duplicate-why">
          {group.keptApart.map(({ ids, reasons }) => (
            <li key={ids.join(' ')}>
              Papers {number(ids[0])} and {number(ids[1])} kept apart: {reasonText(reasons)}.
            </li>
          ))}
        </ul>
      ) : (
        <p className="duplicate-why">Kept apart: {reasonText(group.keptApart[0]?.reasons ?? [])}.</p>
      )}
      <ul className="duplicate-papers">
        {group.papers.map((candidate, index) => (
          <Candidate
            key={candidate.id}
            candidate={candidate}
            label={numbered ? `Paper ${String(index + 1)}` : null}
            others={group.papers.length - 1}
            busy={merging !== null}
            onMerge={() => void mergeInto(candidate)}
          />
        ))}
      </ul>
    </section>
  );
}

function Candidate({
  candidate,
  label,
  others,
  busy,
  onMerge,
}: {
  candidate: DuplicateCandidate;
  label: string | null;
  others: number;
  busy: boolean;
  onMerge: () => void;
}) {
  const paper = useAppState((state) => paperById(state, candidate.id));
  const digests = useAppState((state) => state.digests);
  const from = paper === undefined ? [] : digests.filter((digest) => paper.digests.includes(digest.id));
  const factsId = `duplicate-${candidate.id.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  const identifiers = [
    ...(candidate.arxivId === null ? [] : [`arXiv ${candidate.arxivId}`]),
    ...(candidate.doi === null ? [] : [`DOI ${candidate.doi}`]),
  ];
  const state: string[] = [];
  if (paper !== undefined) {
    state.push(STATUS_LABELS[paper.status]);
    if (paper.tags.length > 0) state.push(`tagged ${paper.tags.join(', ')}`);
    if (paper.note.trim() !== '') state.push('has a note');
  }

  return (
    <li className="duplicate-paper">
      <div className="duplicate-facts" id={factsId}>
        {label !== null && <span className="duplicate-label">{label}: </span>}
        <span className="duplicate-authors">
          {candidate.authors.length === 0 ? 'No authors given' : <FieldText text={candidate.authors.join(', ')} />}
        </span>
        <span className="duplicate-meta">
          <span>{candidate.year === null ? 'No year' : String(candidate.year)}</span>
          {from.map((digest) => (
            <span key={digest.id}>
              From <FieldText text={digest.title} />
            </span>
          ))}
          {identifiers.map((identifier) => (
            <FieldText key={identifier} text={identifier} />
          ))}
        </span>
        {state.length > 0 && <span className="duplicate-state">{state.join(' · ')}</span>}
      </div>
      <button
        type="button"
        className="button is-small duplicate-merge"
        aria-describedby={factsId}
        disabled={busy}
        onClick={onMerge}
      >
        <MergeIcon />
        {others === 1 ? 'Merge into this one' : `Merge the other ${plural(others, 'paper')} into this one`}
      </button>
    </li>
  );
}
