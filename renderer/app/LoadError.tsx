import './Welcome.css';
import './LoadError.css';
import { useEffect, useState } from 'react';
import type { BackupSummary } from '../../core/api.js';
import { useController } from '../kit/context.js';

function describeBackup(backup: BackupSummary): string {
  const when = new Date(backup.createdAt).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
  const size =
    backup.bytes < 1024 * 1024
      ? `${Math.max(1, Math.round(backup.bytes / 1024))} KB`
      : `${(backup.bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${when} · ${size}${backup.reason === 'before-restore' ? ' · made before a restore' : ''}`;
}

/** The library could not be opened: say why, offer to try again, or to restore one of its backups. */
export function LoadError({ message }: { message: string }) {
  const controller = useController();
  const [backups, setBackups] = useState<readonly BackupSummary[] | null>(null);
  const [restoring, setRestoring] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    controller.listBackups().then(
      (found) => live && setBackups(found),
      () => live && setBackups([]),
    );
    return () => {
      live = false;
    };
  }, [controller]);

  return (
    <main className="splash">
      <div className="welcome-card">
        <h1 className="welcome-title">Shelfmark couldn’t open your library</h1>
        <p className="welcome-lead">{message}</p>
        <div className="welcome-actions">
          <button type="button" className="button is-primary" onClick={() => void controller.load()}>
            Try again
          </button>
        </div>
        <p className="welcome-note">
          To use another library, choose File → Open Library… in the desktop app, or start browser mode with
          <code> --db PATH</code>.
        </p>
        {backups !== null && backups.length > 0 && (
          <section className="backups" aria-labelledby="backups-heading">
            <h2 id="backups-heading" className="section-heading">
              Or restore a backup
            </h2>
            <p className="welcome-note">The library as it is now is backed up first, so nothing is lost.</p>
            <ul className="backup-list">
              {backups.slice(0, 8).map((backup) => (
                <li key={backup.name} className="backup">
                  <span>{describeBackup(backup)}</span>
                  <button
                    type="button"
                    className="button is-small"
                    disabled={restoring !== null}
                    onClick={() => {
                      setRestoring(backup.name);
                      void controller.restoreBackup(backup.name).finally(() => setRestoring(null));
                    }}
                  >
                    {restoring === backup.name ? 'Restoring…' : 'Restore'}
                  </button>
                </li>
              ))}
            </ul>
          </section>
        )}
      </div>
    </main>
  );
}
