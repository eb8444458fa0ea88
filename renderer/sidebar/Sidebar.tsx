import '../styles/brand-mark.css';
import './Sidebar.css';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { DigestProgress } from '../../core/query.js';
import { useAppState, useController } from '../kit/context.js';
import { FieldText } from '../kit/FieldText.js';
import { CloseIcon, DevicesIcon, DigestIcon, DuplicatesIcon, LibraryIcon, NoteConflictIcon } from '../kit/icons.js';
import { TRIAGE_VIEWS, type LibraryView } from '../kit/views.js';
import { isolated } from '../lib/bidi.js';
import { formatCount, plural } from '../lib/status.js';
import type { SidebarFilter } from '../state/types.js';
import { digestProgressOf } from '../state/visible.js';
import { TagItem } from './TagItem.js';
import { DigestDateButton, DigestDateForm } from './DigestDate.js';
import { DigestMonths } from './DigestMonths.js';
import { editorOpeners } from './editor-openers.js';
import { useFilterActive } from './useFilterActive.js';

export function Sidebar() {
  const controller = useController();
  const navRef = useRef<HTMLElement>(null);
  const drawer = useAppState((state) => state.layout.columns < 3);
  const total = useAppState((state) => state.papers.length);
  const digests = useAppState((state) => state.digests);
  const { digests: digestCounts, tags } = useAppState((state) => state.counts);
  const progress = digestProgressOf(digests, digestCounts);
  const duplicates = useAppState((state) => state.duplicates.length);
  const conflicts = useAppState((state) => state.noteConflicts.size);

  // Slid in over a narrow window: focus goes to the list shown now.
  useEffect(
    () =>
      controller.onFocusRequest('sidebar', () => {
        navRef.current?.querySelector<HTMLElement>('[aria-current="true"], .nav-item')?.focus();
      }),
    [controller],
  );

  return (
    <nav ref={navRef} id="sidebar" className="sidebar" aria-label="Library">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true" />
        <span className="brand-name">Shelfmark</span>
        {drawer && (
          <button
            type="button"
            className="icon-button drawer-close"
            aria-label="Close the library"
            title="Close (Esc)"
            onClick={() => controller.toggleDrawer(false)}
          >
            <CloseIcon size={16} />
          </button>
        )}
      </div>
      <div className="sidebar-scroll">
        <ul className="nav-list">
          <NavItem filter={{ kind: 'all' }} icon={<LibraryIcon />} label="All papers" count={total} />
          {TRIAGE_VIEWS.map((view) => (
            <ViewItem key={view.label} view={view} />
          ))}
          {duplicates > 0 && <DuplicatesItem count={duplicates} />}
          {conflicts > 0 && (
            <NavItem
              filter={{ kind: 'conflicts' }}
              icon={<NoteConflictIcon size={16} />}
              label="Note conflicts"
              count={conflicts}
              emphasis
            />
          )}
        </ul>

        {progress.length > 0 && (
          <section className="nav-section" aria-labelledby="digests-heading">
            <h2 id="digests-heading" className="nav-heading">
              Digests
            </h2>
            <DigestMonths
              digests={progress}
              item={(digest) => <DigestItem key={digest.id} digest={digest} digests={progress} />}
            />
          </section>
        )}

        <section className="nav-section" aria-labelledby="tags-heading">
          <h2 id="tags-heading" className="nav-heading">
            Tags
          </h2>
          {tags.length === 0 ? (
            <p className="nav-empty">
              No tags yet. Press <kbd>t</kbd> on a paper to add one.
            </p>
          ) : (
            <ul className="nav-list">
              {tags.map((tag) => (
                <TagItem key={tag.tag.toLocaleLowerCase()} tag={tag.tag} count={tag.count} allTags={tags} />
              ))}
            </ul>
          )}
        </section>
      </div>
      <div className="sidebar-footer">
        <button type="button" className="nav-item" onClick={() => void controller.showDevices()}>
          <span className="nav-icon">
            <DevicesIcon />
          </span>
          <span className="nav-label">Devices…</span>
        </button>
      </div>
    </nav>
  );
}

/** A triage view: its count the one the list's header gives while it is shown. */
function ViewItem({ view }: { view: LibraryView }) {
  const count = useAppState(view.count);
  return (
    <NavItem
      filter={view.filter}
      icon={view.icon}
      label={view.label}
      count={count}
      emphasis={view.emphasis === true && count > 0}
    />
  );
}

function NavItem({
  filter,
  icon,
  label,
  count,
  emphasis = false,
}: {
  filter: SidebarFilter;
  icon: ReactNode;
  label: string;
  count: number;
  emphasis?: boolean;
}) {
  const controller = useController();
  const active = useFilterActive(filter);
  return (
    <li>
      <button
        type="button"
        className={`nav-item${active ? ' is-active' : ''}${emphasis ? ' is-emphasis' : ''}`}
        aria-current={active ? 'true' : undefined}
        onClick={() => controller.setFilter(filter)}
      >
        <span className="nav-icon">{icon}</span>
        <span className="nav-label">{label}</span>
        <span className="nav-count" aria-label={`${formatCount(count)} papers`}>
          {formatCount(count)}
        </span>
      </button>
    </li>
  );
}

/** Papers with one title kept apart: shows them in place of the list, to merge or leave. Only when there are some. */
function DuplicatesItem({ count }: { count: number }) {
  const controller = useController();
  const active = useAppState((state) => state.view === 'duplicates');
  return (
    <li>
      <button
        type="button"
        className={`nav-item${active ? ' is-active' : ''}`}
        aria-current={active ? 'true' : undefined}
        onClick={() => controller.showDuplicates()}
      >
        <span className="nav-icon">
          <DuplicatesIcon />
        </span>
        <span className="nav-label">Possible duplicates</span>
        <span className="nav-count" aria-label={plural(count, 'title')}>
          {formatCount(count)}
        </span>
      </button>
    </li>
  );
}

/** A digest in the sidebar: filters the list; its edit button (or right-click, or F2) changes its date. */
function DigestItem({ digest, digests }: { digest: DigestProgress; digests: readonly DigestProgress[] }) {
  const controller = useController();
  const filter: SidebarFilter = { kind: 'digest', id: digest.id };
  const active = useFilterActive(filter);
  const [editing, setEditing] = useState(false);
  const done = digest.counts.read;
  const started = digest.counts.reading;
  const percent = digest.total === 0 ? 0 : Math.round((done / digest.total) * 100);
  const startedPercent = digest.total === 0 ? 0 : Math.round(((done + started) / digest.total) * 100);
  if (editing) {
    return (
      <li>
        <DigestDateForm
          digest={digest}
          digests={digests}
          onDone={(date) => {
            setEditing(false);
            if (date !== null) void controller.setDigestDate(digest.id, date);
          }}
        />
      </li>
    );
  }
  return (
    <li className="digest-entry">
      <button
        type="button"
        className={`nav-item digest-item${active ? ' is-active' : ''}`}
        aria-current={active ? 'true' : undefined}
        onClick={() => controller.setFilter(filter)}
        {...editorOpeners(() => setEditing(true))}
        title={`${isolated(digest.title)} — imported from ${isolated(digest.source)}`}
      >
        <span className="nav-icon">
          <DigestIcon />
        </span>
        <span className="digest-text">
          <FieldText className="nav-label" text={digest.title} />
          <span className="digest-progress" aria-hidden="true">
            <span className="digest-progress-started" style={{ width: `${startedPercent}%` }} />
            <span className="digest-progress-read" style={{ width: `${percent}%` }} />
          </span>
          <span className="digest-stats">
            {done} of {digest.total} read{started > 0 ? ` · ${started} reading` : ''}
          </span>
        </span>
      </button>
      <DigestDateButton digest={digest} onClick={() => setEditing(true)} />
    </li>
  );
}
