import '../styles/tag-chips.css';
import './BulkPanel.css';
import { useEffect, useMemo, useRef } from 'react';
import type { Paper } from '../../core/model.js';
import { tagCounts } from '../../core/query.js';
import { useAppState, useController } from '../kit/context.js';
import { FieldText } from '../kit/FieldText.js';
import { ClockIcon, CloseIcon } from '../kit/icons.js';
import { plural } from '../lib/status.js';
import { paperById } from '../state/state.js';
import type { AppState } from '../state/types.js';
import { CompleteDetailsButton } from './CompleteDetailsButton.js';
import { StatusControl } from './StatusControl.js';
import { TagEditor } from './TagEditor.js';

let lastIds: ReadonlySet<string> | null = null;
let lastPapersArray: readonly Paper[] | null = null;
let lastSelected: readonly Paper[] = [];
/** The selected papers, the same array while neither the selection nor the papers change. */
function selectedPapers(state: AppState): readonly Paper[] {
  if (state.selection.ids === lastIds && state.papers === lastPapersArray) return lastSelected;
  lastIds = state.selection.ids;
  lastPapersArray = state.papers;
  lastSelected = [...state.selection.ids].flatMap((id) => {
    const paper = paperById(state, id);
    return paper === undefined ? [] : [paper];
  });
  return lastSelected;
}

/** Several papers selected: change their status and tags together. */
export function BulkPanel() {
  const controller = useController();
  const selected = useAppState(selectedPapers);
  const allTags = useAppState((state) => state.counts.tags);
  const tagInputRef = useRef<HTMLInputElement>(null);
  const ids = useMemo(() => selected.map((paper) => paper.id), [selected]);
  const shared = useMemo(() => tagCounts(selected), [selected]);
  const statuses = new Set(selected.map((paper) => paper.status));
  const common = statuses.size === 1 ? (selected[0]?.status ?? null) : null;

  useEffect(() => controller.onFocusRequest('tag', () => tagInputRef.current?.focus()), [controller]);

  return (
    <section className="bulk" aria-labelledby="bulk-heading">
      <h1 id="bulk-heading" className="bulk-title" tabIndex={-1}>
        {plural(selected.length, 'paper')} selected
      </h1>
      <p className="muted">
        Changes apply to all of them. <kbd>Esc</kbd> goes back to one paper; <kbd>⌘/Ctrl</kbd>+<kbd>Z</kbd> undoes.
      </p>

      <div className="bulk-group">
        <h2 className="section-heading">Status</h2>
        <StatusControl
          value={common}
          label="Set the status of the selected papers"
          onChange={(status) => void controller.setStatus(ids, status)}
        />
        <button type="button" className="button is-small bulk-snooze" onClick={() => controller.openSnooze(ids)}>
          <ClockIcon /> Snooze {plural(ids.length, 'paper')}…
        </button>
      </div>

      <CompleteDetailsButton papers={selected} />

      <div className="bulk-group">
        <h2 className="section-heading">Add a tag to all</h2>
        <TagEditor
          tags={[]}
          allTags={allTags}
          inputRef={tagInputRef}
          label="Add a tag to the selected papers"
          onAdd={(tag) => void controller.addTag(ids, tag)}
        />
      </div>

      {shared.length > 0 && (
        <div className="bulk-group">
          <h2 className="section-heading">Remove a tag</h2>
          <ul className="tag-list">
            {shared.map(({ tag, count }) => (
              <li key={tag} className="tag-chip">
                <span className="tag-chip-hash" aria-hidden="true">
                  #
                </span>
                <FieldText text={tag} />
                <span className="tag-chip-count">{count}</span>
                <button
                  type="button"
                  className="tag-chip-remove"
                  aria-label={`Remove the tag ${tag} from ${plural(count, 'selected paper')}`}
                  onClick={() => void controller.removeTag(ids, tag)}
                >
                  <CloseIcon size={12} />
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}

      <div className="bulk-group">
        <h2 className="section-heading">Selected</h2>
        <ol className="bulk-list">
          {selected.slice(0, 12).map((paper) => (
            <li key={paper.id} className={`status-${paper.status}`}>
              {paper.title}
            </li>
          ))}
        </ol>
        {selected.length > 12 && <p className="muted">and {plural(selected.length - 12, 'more paper')}</p>}
      </div>
    </section>
  );
}
