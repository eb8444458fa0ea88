import { useSyncExternalStore } from 'react';
import { useController } from '../kit/context.js';
import { SyncIcon } from '../kit/icons.js';

/** The toolbar's Sync: notes with the folder remembered, or, before there is one, the dialog to choose it. */
export function SyncNotesButton() {
  const controller = useController();
  const sync = controller.notesSync;
  const { setup, running } = useSyncExternalStore(
    (listener) => sync.subscribe(listener),
    () => sync.snapshot(),
  );
  const folder = setup?.folder ?? null;
  return (
    <button
      type="button"
      className="button is-small"
      disabled={running}
      aria-busy={running}
      title={folder === null ? 'Sync notes with a folder (an Obsidian vault, say)' : `Sync notes with ${folder}`}
      onClick={() => void controller.syncNotesNow()}
    >
      <SyncIcon />
      {running ? 'Syncing…' : 'Sync'}
    </button>
  );
}
