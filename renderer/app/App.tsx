import '../styles/brand-mark.css';
import './Welcome.css';
import { DetailPane } from '../detail/DetailPane.js';
import { AddPapersDialog } from '../dialogs/AddPapersDialog.js';
import { CompletionReportDialog } from '../dialogs/CompletionReportDialog.js';
import { FetchDailyPapersDialog } from '../dialogs/FetchDailyPapersDialog.js';
import { ImportReportDialog } from '../dialogs/ImportReportDialog.js';
import { Dialog } from '../dialogs/Dialog.js';
import { ExportDialog } from '../dialogs/ExportDialog.js';
import { PasteDialog } from '../dialogs/PasteDialog.js';
import { PastePreviewDialog } from '../dialogs/PastePreviewDialog.js';
import { NotesSyncDialog } from '../dialogs/NotesSyncDialog.js';
import { DevicesDialog } from '../dialogs/DevicesDialog.js';
import { NotesSyncReportDialog } from '../dialogs/NotesSyncReportDialog.js';
import { ShortcutsDialog } from '../dialogs/ShortcutsDialog.js';
import { SnoozeDialog } from '../dialogs/SnoozeDialog.js';
import { DuplicatesView } from '../duplicates/DuplicatesView.js';
import { useAppState, useController } from '../kit/context.js';
import { ListPane } from '../list/PaperList.js';
import { Sidebar } from '../sidebar/Sidebar.js';
import { Announcer } from './Announcer.js';
import { DropOverlay } from './DropOverlay.js';
import { LoadError } from './LoadError.js';
import { ReadOnlyBanner } from './ReadOnlyBanner.js';
import { SkipLinks } from './SkipLinks.js';
import { TaskPanel } from './TaskPanel.js';
import { Toasts } from './Toasts.js';
import { Toolbar } from './Toolbar.js';
import { useColumns } from './useColumns.js';
import { useDayChange } from './useDayChange.js';
import { useGlobalKeys } from './useGlobalKeys.js';
import { usePasteDigest } from './usePasteDigest.js';
import { Welcome } from './Welcome.js';

export function App() {
  const controller = useController();
  const load = useAppState((state) => state.load);
  const empty = useAppState((state) => state.papers.length === 0);
  const readOnly = useAppState((state) => state.readOnly);
  useGlobalKeys(controller);
  usePasteDigest(controller);
  useColumns(controller);
  useDayChange(controller);

  let screen;
  if (load.phase === 'loading') {
    screen = (
      <main className="splash" aria-busy="true">
        <span className="brand-mark is-large is-pulsing" aria-hidden="true" />
        <p className="visually-hidden">Opening your library…</p>
      </main>
    );
  } else if (load.phase === 'error') {
    screen = <LoadError message={load.message} />;
  } else if (empty) {
    screen = <Welcome />;
  } else {
    screen = <Library />;
  }

  return (
    <>
      {readOnly === null || load.phase !== 'ready' ? (
        screen
      ) : (
        <div className="app-frame">
          <ReadOnlyBanner reason={readOnly} />
          {screen}
        </div>
      )}
      <DropOverlay controller={controller} />
      <Dialogs />
      <TaskPanel />
      <Toasts />
      <Announcer />
    </>
  );
}

/**
 * The library: sidebar, list and paper, in as many columns as the window has room for (see useColumns); or the
 * sidebar and the possible duplicates in place of the list and the paper.
 */
function Library() {
  const controller = useController();
  const { columns, paperOpen, drawerOpen } = useAppState((state) => state.layout);
  const duplicates = useAppState((state) => state.view === 'duplicates');
  return (
    <>
      <SkipLinks />
      <div
        className="app"
        data-columns={columns}
        data-view={duplicates ? 'duplicates' : undefined}
        data-paper-open={paperOpen || undefined}
        data-drawer-open={drawerOpen || undefined}
      >
        <Sidebar />
        {drawerOpen && (
          <div className="drawer-scrim" aria-hidden="true" onClick={() => controller.toggleDrawer(false)} />
        )}
        {/* While the drawer is open, the rest can be neither focused nor clicked: Esc or the scrim closes it. */}
        <div className="app-panes" inert={drawerOpen}>
          {duplicates ? (
            <>
              <Toolbar />
              <DuplicatesView />
            </>
          ) : (
            <>
              <ListPane />
              <Toolbar />
              <main className="detail-pane" aria-label="Paper">
                <DetailPane />
              </main>
            </>
          )}
        </div>
      </div>
    </>
  );
}

function Dialogs() {
  const controller = useController();
  const dialog = useAppState((state) => state.dialog);
  const close = (): void => controller.closeDialog();
  if (dialog === null) return null;
  switch (dialog.kind) {
    case 'shortcuts':
      return <ShortcutsDialog onClose={close} />;
    case 'export':
      return <ExportDialog onClose={close} />;
    case 'snooze':
      return <SnoozeDialog ids={dialog.ids} onClose={close} />;
    case 'import-report':
      return <ImportReportDialog report={dialog.report} incomplete={dialog.incomplete} onClose={close} />;
    case 'add-papers':
      return <AddPapersDialog onClose={close} />;
    case 'paste':
      return <PasteDialog onClose={close} />;
    case 'paste-preview':
      return <PastePreviewDialog text={dialog.text} preview={dialog.preview} onClose={close} />;
    case 'fetch-daily-papers':
      return <FetchDailyPapersDialog onClose={close} />;
    case 'completion-report':
      return <CompletionReportDialog report={dialog.report} onClose={close} />;
    case 'notes-sync':
      return <NotesSyncDialog onClose={close} />;
    case 'notes-sync-report':
      return <NotesSyncReportDialog report={dialog.report} onClose={close} />;
    case 'devices':
      return <DevicesDialog devices={dialog.devices} failed={dialog.failed} onClose={close} />;
    case 'import-failed':
      return (
        <Dialog
          title={dialog.title ?? 'The import failed'}
          onClose={close}
          footer={
            <button type="button" className="button is-primary" data-autofocus onClick={close}>
              OK
            </button>
          }
        >
          <p>{dialog.message}</p>
          <p className="muted">Nothing in your library changed.</p>
        </Dialog>
      );
  }
}
