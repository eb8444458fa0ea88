import './NotesSyncDialog.css';
import { useEffect, useId, useState } from 'react';
import { useController } from '../kit/context.js';
import { Dialog } from './Dialog.js';

/**
 * File → Sync Notes with Folder…: the folder (chosen with the desktop app's picker, or typed: a browser cannot show
 * this computer's folders), whether to sync on every change, and Sync Now. Both are remembered by the library.
 */
export function NotesSyncDialog({ onClose }: { onClose: () => void }) {
  const controller = useController();
  const sync = controller.notesSync;
  const [folder, setFolder] = useState(sync.snapshot().setup?.folder ?? '');
  const [onChange, setOnChange] = useState(sync.snapshot().setup?.onChange ?? false);
  const [canChoose, setCanChoose] = useState(sync.snapshot().setup?.canChooseFolder ?? false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const hintId = useId();

  useEffect(() => {
    let live = true;
    sync.setup().then(
      (setup) => {
        if (!live) return;
        setFolder((typed) => (typed === '' ? (setup.folder ?? '') : typed));
        setOnChange(setup.onChange);
        setCanChoose(setup.canChooseFolder);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [sync]);

  const choose = async (): Promise<void> => {
    try {
      const chosen = await sync.chooseFolder();
      if (chosen !== null) setFolder(chosen);
    } catch (problem) {
      setError(problem instanceof Error ? problem.message : String(problem));
    }
  };

  const submit = async (): Promise<void> => {
    if (folder.trim() === '') {
      setError('Choose the folder to sync notes with, or type its full path.');
      return;
    }
    setBusy(true);
    setError(null);
    const problem = await sync.saveAndSync(folder.trim(), onChange);
    setBusy(false);
    setError(problem);
  };

  return (
    <Dialog
      title="Sync Notes with Folder"
      onClose={onClose}
      footer={
        <>
          <button type="button" className="button is-quiet" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" form="notes-sync-form" className="button is-primary" disabled={busy} aria-busy={busy}>
            {busy ? 'Syncing…' : 'Sync Now'}
          </button>
        </>
      }
    >
      <form
        id="notes-sync-form"
        className="notes-sync-form"
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <p className="notes-sync-about">
          Shelfmark keeps a Markdown file for each paper with a note, a tag or a status in this folder (a folder of an
          Obsidian vault, say), and takes in what you edit there. When both sides changed, neither is overwritten. Files
          without a <code>shelfmark:</code> key are never touched.
        </p>
        <label className="notes-sync-label" htmlFor="notes-sync-folder">
          Folder
        </label>
        <div className="notes-sync-folder">
          <input
            id="notes-sync-folder"
            className="notes-sync-input"
            type="text"
            value={folder}
            placeholder="~/Vault/Papers"
            spellCheck={false}
            autoComplete="off"
            aria-describedby={hintId}
            data-autofocus
            onChange={(event) => setFolder(event.target.value)}
          />
          {canChoose && (
            <button type="button" className="button" onClick={() => void choose()}>
              Choose…
            </button>
          )}
        </div>
        <p id={hintId} className="notes-sync-hint">
          {canChoose
            ? 'Choose the folder, or type its full path.'
            : 'Type the folder’s full path on this computer: a browser cannot show its folders.'}
        </p>
        <label className="notes-sync-check">
          <input type="checkbox" checked={onChange} onChange={(event) => setOnChange(event.target.checked)} />
          Sync on every change (a few seconds after the last one)
        </label>
        {error !== null && (
          <p className="form-error notes-sync-error" role="alert">
            {error}
          </p>
        )}
      </form>
    </Dialog>
  );
}
