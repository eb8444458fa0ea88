import './Toolbar.css';
import { useAppState, useController } from '../kit/context.js';
import { ExportIcon, ImportIcon, KeyboardIcon } from '../kit/icons.js';
import { ImportButton } from './ImportButton.js';

export function Toolbar() {
  const controller = useController();
  const busy = useAppState((state) => state.busy === 'importing');
  const canUndo = useAppState((state) => state.canUndo);
  return (
    <div className="toolbar" role="toolbar" aria-label="Library actions">
      {busy && (
        <span className="toolbar-busy" role="status">
          Importing…
        </span>
      )}
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
        onClick={() => controller.openDialog({ kind: 'export' })}
        title="Export notes, citations or a backup"
      >
        <ExportIcon />
        Export
      </button>
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
  );
}
