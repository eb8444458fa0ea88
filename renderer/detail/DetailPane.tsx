import './DetailPane.css';
import { useEffect, useMemo, useRef } from 'react';
import type { Paper } from '../../core/model.js';
import { useAppState, useController } from '../kit/context.js';
import { FieldText } from '../kit/FieldText.js';
import { ClockIcon, SimilarIcon } from '../kit/icons.js';
import { ExternalLink } from '../kit/ExternalLink.js';
import { paragraphsOf } from '../lib/highlight.js';
import { paperLinks } from '../lib/links.js';
import { triageMark } from '../lib/status.js';
import { shownPaperId } from '../state/selection.js';
import { paperById } from '../state/state.js';
import { BulkPanel } from './BulkPanel.js';
import { CompleteDetailsButton } from './CompleteDetailsButton.js';
import { NoteEditor } from './NoteEditor.js';
import { NoteVersionsNotice } from './NoteVersions.js';
import { doiLink, SourceFacts } from './SourceFacts.js';
import { StatusControl } from './StatusControl.js';
import { TagEditor } from './TagEditor.js';

export function DetailPane() {
  const controller = useController();
  const multi = useAppState((state) => state.selection.ids.size > 1);
  const paper = useAppState((state) => paperById(state, shownPaperId(state.selection)));
  const scrollRef = useRef<HTMLDivElement>(null);

  // A new paper starts at the top.
  useEffect(() => {
    scrollRef.current?.scrollTo({ top: 0 });
  }, [paper?.id]);

  // Opened over the list (a narrow window): a screen reader starts at the paper's title.
  useEffect(
    () =>
      controller.onFocusRequest('paper', () => {
        scrollRef.current?.querySelector<HTMLElement>('h1')?.focus({ preventScroll: true });
      }),
    [controller],
  );

  return (
    <div ref={scrollRef} className="detail-scroll">
      {multi ? <BulkPanel /> : paper === undefined ? <NothingSelected /> : <PaperDetail paper={paper} />}
    </div>
  );
}

function NothingSelected() {
  return (
    <div className="detail-empty">
      <p>Select a paper to read its abstract, tag it and take notes.</p>
      <p className="detail-empty-hint">
        <kbd>j</kbd> <kbd>k</kbd> move through the list · <kbd>?</kbd> shows every shortcut
      </p>
    </div>
  );
}

function PaperDetail({ paper }: { paper: Paper }) {
  const controller = useController();
  const digests = useAppState((state) => state.digests);
  const allTags = useAppState((state) => state.counts.tags);
  const today = useAppState((state) => state.today);
  const snooze = paper.status === 'unread' ? triageMark(paper, today) : null;
  const tagInputRef = useRef<HTMLInputElement>(null);
  // The DOI is among the source's facts, as a link: not again among the links.
  const links = useMemo(() => {
    const doi = paper.doi === null ? null : doiLink(paper.doi);
    return paperLinks(paper).filter((link) => link.href !== doi);
  }, [paper]);
  const from = digests.filter((digest) => paper.digests.includes(digest.id));
  // The current search's matches in this paper, while its results are in view.
  const highlights = useAppState((state) =>
    state.results !== null && state.query.trim() !== '' ? state.results.highlights.get(paper.id) : undefined,
  );
  const paragraphs = useMemo(() => paragraphsOf(paper.abstract, highlights?.abstract), [paper.abstract, highlights]);

  useEffect(
    () =>
      controller.onFocusRequest('tag', () => {
        tagInputRef.current?.focus();
      }),
    [controller],
  );

  return (
    <article className="paper" aria-labelledby="paper-title">
      <div className="paper-actions">
        <StatusControl value={paper.status} onChange={(status) => void controller.setStatus([paper.id], status)} />
        {paper.readAt !== null && paper.status === 'read' && (
          <span className="paper-read-at">
            Read{' '}
            {new Date(paper.readAt).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' })}
          </span>
        )}
        <button type="button" className="button is-small" onClick={() => controller.openSnooze([paper.id])}>
          <ClockIcon /> Snooze…
        </button>
        {snooze !== null && <span className="paper-read-at">{snooze}</span>}
        <button
          type="button"
          className="button is-small"
          title="The papers nearest this one (m)"
          onClick={() => controller.showSimilar(paper.id)}
        >
          <SimilarIcon /> More like this
        </button>
      </div>

      <h1 id="paper-title" className="paper-title" tabIndex={-1}>
        <FieldText text={paper.title} ranges={highlights?.title} math="inline" />
      </h1>
      {paper.authors.length > 0 && (
        <p className="paper-authors">
          <FieldText text={paper.authors.join(', ')} ranges={highlights?.authors} />
        </p>
      )}
      <CompleteDetailsButton papers={[paper]} />
      <SourceFacts paper={paper} />

      <div className="paper-facts">
        {links.length > 0 && (
          <ul className="paper-links" aria-label="Links">
            {links.map((link) => (
              <li key={link.href}>
                <ExternalLink className="link-pill" href={link.href} title={link.href}>
                  <FieldText className="link-pill-label" text={link.label} />
                  {link.detail !== '' && <FieldText className="link-pill-detail" text={link.detail} />}
                </ExternalLink>
              </li>
            ))}
          </ul>
        )}
        {from.length > 0 && (
          <p className="paper-from">
            <span className="paper-from-label">From</span>
            {from.map((digest, position) => (
              <span key={digest.id}>
                {position > 0 && ', '}
                <button
                  type="button"
                  className="text-button"
                  onClick={() => controller.setFilter({ kind: 'digest', id: digest.id })}
                >
                  <FieldText text={digest.title} />
                </button>
              </span>
            ))}
          </p>
        )}
      </div>

      <div className="paper-tags">
        <TagEditor
          tags={paper.tags}
          allTags={allTags}
          inputRef={tagInputRef}
          onAdd={(tag) => void controller.addTag([paper.id], tag)}
          onRemove={(tag) => void controller.removeTag([paper.id], tag)}
          placeholder={paper.tags.length === 0 ? 'Add a tag…  (t)' : 'Add a tag…'}
        />
      </div>
      <NoteVersionsNotice paperId={paper.id} />

      <section className="abstract" aria-labelledby="abstract-heading">
        <h2 id="abstract-heading" className="section-heading">
          Abstract
        </h2>
        {paragraphs.length === 0 ? (
          <p className="muted">The digest gave no abstract for this paper.</p>
        ) : (
          paragraphs.map((paragraph, position) => (
            <p key={position}>
              <FieldText text={paragraph.text} ranges={paragraph.ranges} math="display" />
            </p>
          ))
        )}
      </section>

      <NoteEditor paper={paper} />
    </article>
  );
}
