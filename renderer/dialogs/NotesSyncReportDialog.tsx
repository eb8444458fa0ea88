import './NotesSyncDialog.css';
import type { ReactNode } from 'react';
import type { NotesSyncReport } from '../../core/notes-sync/report.js';
import { plural } from '../lib/status.js';
import { ReportDialog } from './ReportDialog.js';

/** At most this many files are named in a list of files written or updated; the rest are counted. */
const NAMED = 50;

const File = ({ name }: { name: string }) => <span className="notes-sync-file">{name}</span>;

function Section({ title, items }: { title: string; items: readonly ReactNode[] }) {
  if (items.length === 0) return null;
  const shown = items.slice(0, NAMED);
  return (
    <section>
      <h3>
        {title} ({items.length.toLocaleString('en')})
      </h3>
      <ul>
        {shown.map((item, index) => (
          <li key={index}>{item}</li>
        ))}
        {items.length > NAMED && <li>and {(items.length - NAMED).toLocaleString('en')} more</li>}
      </ul>
    </section>
  );
}

/** What a sync of notes with the folder did, file by file. */
export function NotesSyncReportDialog({ report, onClose }: { report: NotesSyncReport; onClose: () => void }) {
  const { written, updated, takenIn, conflicts, skipped, moved } = report;
  const changed = written.length + updated.length + takenIn.length + conflicts.length + skipped.length;
  return (
    <ReportDialog title="Notes synced with the folder" onClose={onClose}>
      <div className="notes-sync-report">
        <p className="notes-sync-summary">
          <File name={report.folder} />
          {' · '}
          {plural(written.length, 'file')} written · {updated.length.toLocaleString('en')} updated ·{' '}
          {takenIn.length.toLocaleString('en')} taken in · {plural(conflicts.length, 'conflict')} ·{' '}
          {skipped.length.toLocaleString('en')} skipped
          {changed === 0 && '. Everything was already in step.'}
        </p>
        <Section
          title="Conflicts: both changed, neither overwritten"
          items={conflicts.map((file) => (
            <>
              <File name={file.file} /> keeps your text; Shelfmark’s version is in <File name={file.copy} />. Merge what
              you want into the file and delete the copy: the next sync takes the file in.
            </>
          ))}
        />
        <Section
          title="Taken in from the folder"
          items={takenIn.map((file) => (
            <>
              <File name={file.file} /> ({file.parts.join(', ')})
            </>
          ))}
        />
        <Section
          title="Written"
          items={written.map((file) => (
            <>
              <File name={file.file} />
              {file.restored && ' (deleted, written again)'}
            </>
          ))}
        />
        <Section
          title="Updated from the library"
          items={updated.map((file) => (
            <File name={file.file} />
          ))}
        />
        <Section
          title="Renamed or moved, followed"
          items={moved.map((file) => (
            <>
              <File name={file.from} /> → <File name={file.file} />
            </>
          ))}
        />
        <Section
          title="Skipped"
          items={skipped.map((skip) => (
            <>
              {skip.file === null ? `“${skip.title ?? skip.paper ?? ''}”` : <File name={skip.file} />}: {skip.reason}.
            </>
          ))}
        />
        {report.untouched > 0 && (
          <p className="notes-sync-summary">{plural(report.untouched, 'file')} needed nothing.</p>
        )}
      </div>
    </ReportDialog>
  );
}
