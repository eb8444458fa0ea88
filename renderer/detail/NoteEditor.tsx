import './NoteEditor.css';
import { useDeferredValue, useEffect, useLayoutEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { flushSync } from 'react-dom';
import type { Paper } from '../../core/model.js';
import type { NoteSaveStatus } from '../controller/note-saver.js';
import { useController } from '../kit/context.js';
import { useMathVersion } from '../kit/MathText.js';
import { renderNote } from '../lib/sanitize.js';
import { NoteVersions } from './NoteVersions.js';

function statusText(status: NoteSaveStatus): string {
  switch (status.kind) {
    case 'idle':
      return '';
    case 'pending':
    case 'saving':
      return 'Saving…';
    case 'saved':
      return 'Saved';
    case 'failed':
      return `Not saved — ${status.reason}, retrying`;
  }
}

/**
 * The note: its rendered Markdown, or, while editing, a textarea with a live preview beside it. Autosaves as you
 * type (NoteSaver), and at once when the field loses focus or another paper is selected.
 */
export function NoteEditor({ paper }: { paper: Paper }) {
  const controller = useController();
  const { notes } = controller;
  useSyncExternalStore(
    (listener) => notes.subscribe(listener),
    () => notes.snapshot(),
  );
  const draft = notes.draft(paper.id);
  const text = draft ?? paper.note;
  const status = notes.status(paper.id);
  const elsewhere = notes.changedElsewhere(paper.id);
  const [editing, setEditing] = useState(false);
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const sectionRef = useRef<HTMLElement>(null);
  const preview = useDeferredValue(text);
  // Drawn again once the math renderer has arrived: the note's formulas show as written until then.
  const mathVersion = useMathVersion();
  // eslint-disable-next-line react-hooks/exhaustive-deps -- mathVersion: renderNote's formulas change when it does
  const html = useMemo(() => renderNote(preview), [preview, mathVersion]);

  // Another paper: leave edit mode in this very render (React's way to adjust state when a prop changes), not
  // in an effect that first shows the new paper's note in the old paper's textarea.
  const paperId = paper.id;
  const [shownPaperId, setShownPaperId] = useState(paperId);
  if (shownPaperId !== paperId) {
    setShownPaperId(paperId);
    setEditing(false);
  }
  // The old paper's note is flushed on the way.
  useEffect(() => () => notes.flush(paperId), [paperId, notes]);

  useEffect(
    () =>
      controller.onFocusRequest('note', () => {
        // The editor drawn and given the focus at once, not a frame later: the keys typed right after `n` are the
        // note's, not the list's (where they would be shortcuts).
        flushSync(() => setEditing(true));
        const area = textareaRef.current;
        if (area === null) return;
        area.focus();
        area.setSelectionRange(area.value.length, area.value.length);
      }),
    [controller],
  );

  // The textarea grows with its text.
  useLayoutEffect(() => {
    const area = textareaRef.current;
    if (area === null) return;
    area.style.height = 'auto';
    area.style.height = `${Math.max(area.scrollHeight + 2, 140)}px`;
  }, [text, editing]);

  const saveState = statusText(status);
  return (
    <section className="note" aria-labelledby="note-heading" ref={sectionRef}>
      <div className="section-heading-row">
        <h2 id="note-heading" className="section-heading">
          Note
        </h2>
        <span className={`save-state is-${status.kind}`} role="status" aria-live="polite">
          {saveState}
        </span>
        {!editing && (
          <button type="button" className="button is-small is-quiet" onClick={() => controller.focus('note')}>
            {text.trim() === '' ? 'Write' : 'Edit'}
            <kbd>n</kbd>
          </button>
        )}
      </div>
      <p className="note-elsewhere" role="status">
        {elsewhere !== null && (
          <>
            This note changed elsewhere while you wrote (another window, the command line or another computer). Your
            text is kept, and saved over it.{' '}
            <button type="button" className="button is-small is-quiet" onClick={() => notes.keepBoth(paper.id)}>
              Keep both
            </button>{' '}
            <button type="button" className="button is-small is-quiet" onClick={() => notes.dismissElsewhere(paper.id)}>
              Dismiss
            </button>
          </>
        )}
      </p>
      {editing ? (
        <div className="note-editing">
          <label htmlFor="note-input" className="visually-hidden">
            Note on this paper, in Markdown
          </label>
          <textarea
            id="note-input"
            ref={textareaRef}
            className="note-input"
            value={text}
            placeholder="Your thoughts, in Markdown: **bold**, _italic_, lists, [links](https://…)"
            spellCheck
            onChange={(event) => notes.edit(paper.id, event.target.value, paper.note)}
            onBlur={() => {
              notes.flush(paper.id);
              setEditing(false);
            }}
            onKeyDown={(event) => {
              if (event.key === 'Escape') {
                event.preventDefault();
                notes.flush(paper.id);
                setEditing(false);
                controller.leaveField();
              }
            }}
          />
          <div className="note-preview-label" aria-hidden="true">
            Preview
          </div>
          <div
            className="markdown note-preview"
            aria-label="Preview of the note"
            // Sanitised by DOMPurify in renderNote: no raw HTML, only http(s) links.
            dangerouslySetInnerHTML={{ __html: html }}
          />
        </div>
      ) : text.trim() === '' ? (
        <button type="button" className="note-empty" onClick={() => controller.focus('note')}>
          No note yet. Press <kbd>n</kbd> or click to write one — Markdown works.
        </button>
      ) : (
        <div
          className="markdown note-rendered"
          onDoubleClick={() => controller.focus('note')}
          // Sanitised by DOMPurify in renderNote: no raw HTML, only http(s) links.
          dangerouslySetInnerHTML={{ __html: html }}
        />
      )}
      <NoteVersions
        paperId={paper.id}
        mine={text}
        onKept={() =>
          // The versions go once one is kept: the focus goes to the note's Edit button, or stays in the field.
          requestAnimationFrame(() => {
            if (textareaRef.current !== null) textareaRef.current.focus();
            else sectionRef.current?.querySelector<HTMLElement>('.section-heading-row button, .note-empty')?.focus();
          })
        }
      />
    </section>
  );
}
