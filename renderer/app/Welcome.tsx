import '../styles/brand-mark.css';
import './Welcome.css';
import { useAppState, useController } from '../kit/context.js';
import { ImportIcon, PlusIcon } from '../kit/icons.js';
import { ImportButton } from './ImportButton.js';

/** The first screen of an empty library. */
export function Welcome() {
  const controller = useController();
  const busy = useAppState((state) => state.busy === 'importing');
  return (
    <main className="welcome">
      <div className="welcome-card">
        <span className="brand-mark is-large" aria-hidden="true" />
        <h1 className="welcome-title">Welcome to Shelfmark</h1>
        <p className="welcome-lead">
          A quiet place to triage research papers: import the digests you subscribe to, skim the abstracts, mark what
          you read, tag it and keep notes beside it.
        </p>
        <div className="welcome-actions">
          <button
            type="button"
            className="button is-primary is-large"
            disabled={busy}
            aria-busy={busy}
            onClick={() => void controller.importSample()}
          >
            {busy ? 'Importing…' : 'Import the sample digest'}
          </button>
          <ImportButton className="button is-large">
            <ImportIcon />
            Import files…
          </ImportButton>
          <button
            type="button"
            className="button is-large"
            onClick={() => controller.openDialog({ kind: 'add-papers' })}
          >
            <PlusIcon />
            Add papers…
          </button>
        </div>
        <p className="welcome-note">
          The sample is a real Hugging Face Daily Papers digest of 32 papers. You can also drop digest files — Hugging
          Face Daily Papers, arXiv e-mails, BibTeX or a Shelfmark backup — anywhere on this window, or paste one’s text.
          Add papers takes arXiv ids and links, and fetches a day of Hugging Face Daily Papers.
        </p>
      </div>
    </main>
  );
}
