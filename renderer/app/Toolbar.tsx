import './Toolbar.css';
import { useEffect, useRef } from 'react';
import { useAppState, useController } from '../kit/context.js';
import { BackIcon, ExportIcon, ImportIcon, KeyboardIcon, MenuIcon, PlusIcon } from '../kit/icons.js';
import { ImportButton } from './ImportButton.js';
import { SyncNotesButton } from './SyncNotesButton.js';

export function Toolbar() {
  const controller = useController();
  const busy = useAppState((state) => state.busy === 'importing');
  const canUndo = useAppState((state) => state.canUndo);
  const { columns, paperOpen, drawerOpen } = useAppState((state) => state.layout);
  const duplicates = useAppState((state) => state.view === 'duplicates');
  const menuRef = useRef<HTMLButtonElement>(null);

  useEffect(() => controller.onFocusRequest('menu', () => menuRef.current?.focus()), [controller]);

  return (
    // A banner landmark: with the paper's pane it is above, or across the top of a narrow window.
    <header className="app-header">
      <div className="toolbar" role="toolbar" aria-label="Library actions">
        <div className="toolbar-start">
          {columns < 3 && (
            <button
              ref={menuRef}
              type="button"
              className="button is-quiet is-small"
              aria-expanded={drawerOpen}
              aria-controls="sidebar"
              title="Filters, digests and tags"
              onClick={() => controller.toggleDrawer()}
            >
              <MenuIcon />
              Library
            </button>
          )}
          {(paperOpen || (duplicates && columns < 3)) && (
            <button
              type="button"
              className="button is-quiet is-small"
              title="Back to the list (Esc)"
              onClick={() => controller.closePaper()}
            >
              <BackIcon />
              Back
            </button>
          )}
          {busy && (
            <span className="toolbar-busy" role="status">
              Importing…
            </span>
          )}
        </div>
        {canUndo && (
          <button
            type="button"
            className="button is-quiet is-small"
            onClick={() => void controller.undo()}
            title="Undo (⌘/Ctrl+Z)"
          >
            Undo
          </button>
        )}
        <ImportButton className="button is-small">
          <ImportIcon />
          Import
        </ImportButton>
        <button
          type="button"
          className="button is-small"
          onClick={() => controller.openDialog({ kind: 'add-papers' })}
          title="Add papers by arXiv id or link, paste a digest, or fetch Hugging Face Daily Papers"
        >
          <PlusIcon />
          Add papers
        </button>
        <button
          type="button"
          className="button is-small"
          onClick={() => controller.openDialog({ kind: 'export' })}
          title="Export notes, citations or a backup"
        >
          <ExportIcon />
          Export
        </button>
        <SyncNotesButton />
        <button
          type="button"
          className="icon-button is-bordered"
          aria-label="Keyboard shortcuts"
          title="Keyboard shortcuts (?)"
          onClick={() => controller.openDialog({ kind: 'shortcuts' })}
        >
          <KeyboardIcon size={18} />
        </button>
      </div>
    </header>
  );
}
