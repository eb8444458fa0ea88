import './NoteVersions.css';
import { useMemo } from 'react';
import type { NoteVersion } from '../../core/api.js';
import { keptBoth } from '../../core/devices-words.js';
import { useAppState, useController } from '../kit/context.js';
import { NoteConflictIcon } from '../kit/icons.js';
import { useMathVersion } from '../kit/MathText.js';
import { renderNote } from '../lib/sanitize.js';
import { whenWords } from '../lib/when.js';

const NO_VERSIONS: readonly NoteVersion[] = [];

/** "desktop", or "this computer (laptop)" for this computer's own earlier text. */
function deviceWords(version: NoteVersion): string {
  return version.thisDevice ? `this computer (${version.device})` : version.device;
}

function VersionText({ text }: { text: string }) {
  const mathVersion = useMathVersion();
  // eslint-disable-next-line react-hooks/exhaustive-deps -- mathVersion: renderNote's formulas change when it does
  const html = useMemo(() => renderNote(text), [text, mathVersion]);
  return text.trim() === '' ? (
    <p className="note-version-empty">(an empty note)</p>
  ) : (
    // Sanitised by DOMPurify in renderNote: no raw HTML, only http(s) links.
    <div className="markdown note-version-text" dangerouslySetInnerHTML={{ __html: html }} />
  );
}

/** At the top of a paper whose note has versions from other computers: a word of it, which leads to them. */
export function NoteVersionsNotice({ paperId }: { paperId: string }) {
  const versions = useAppState((state) => state.noteConflicts.get(paperId)?.length ?? 0);
  if (versions === 0) return null;
  return (
    <p className="note-versions-notice">
      <NoteConflictIcon size={15} />
      <span>Its note was also edited on another computer.</span>
      <button
        type="button"
        className="text-button"
        onClick={() => {
          const region = document.getElementById('note-versions');
          region?.scrollIntoView({ block: 'center' });
          region?.focus({ preventScroll: true });
        }}
      >
        Choose which to keep
      </button>
    </p>
  );
}

/**
 * A synced library's note written on two computers at once: each other version beside the note, and one click
 * keeps one ("Keep this one"), the text in the editor ("Keep mine"), or both, the other under a line. What the user
 * is typing stays in the editor until they choose; `onKept` gives the focus back to the note.
 */
export function NoteVersions({ paperId, mine, onKept }: { paperId: string; mine: string; onKept: () => void }) {
  const controller = useController();
  const versions = useAppState((state) => state.noteConflicts.get(paperId) ?? NO_VERSIONS);
  const today = useAppState((state) => state.today);
  if (versions.length === 0) return null;
  const keep = (note: string, said: string): void => {
    onKept();
    void controller.keepNote(paperId, note, said);
  };
  const others = versions.length === 1 ? 'both' : 'all';
  // The note shown is "mine" unless a version beside it is this computer's own earlier text.
  const mineLabel = versions.some((version) => version.thisDevice) ? 'Keep the note above' : 'Keep mine';
  return (
    <section id="note-versions" className="note-versions" aria-labelledby="note-versions-heading" tabIndex={-1}>
      <h3 id="note-versions-heading" className="note-versions-heading">
        <NoteConflictIcon size={15} />
        {versions.length === 1 ? 'Another version of this note' : `${versions.length} other versions of this note`}
      </h3>
      {versions.map((version, index) => {
        const device = deviceWords(version);
        const last = index === versions.length - 1;
        return (
          <div key={`${version.deviceId}-${version.at}`} className="note-version">
            <p className="note-version-lead">
              This note was also edited on <strong>{device}</strong> {whenWords(version.at, today)}:
            </p>
            <VersionText text={version.text} />
            <div className="note-version-actions">
              <button
                type="button"
                className="button is-small"
                aria-label={`Keep this one, from ${device}`}
                onClick={() => keep(version.text, `Kept the note from ${device}.`)}
              >
                Keep this one
              </button>
              {last && (
                <>
                  <button
                    type="button"
                    className="button is-small"
                    aria-label={`${mineLabel}, the note shown above`}
                    onClick={() => keep(mine, 'Kept the note shown.')}
                  >
                    {mineLabel}
                  </button>
                  <button
                    type="button"
                    className="button is-small is-quiet"
                    aria-label={`Keep ${others}, one under the other`}
                    onClick={() =>
                      keep(
                        keptBoth(
                          mine,
                          versions.map((other) => other.text),
                        ),
                        `Kept ${others}: the other ${versions.length === 1 ? 'text is' : 'texts are'} below yours.`,
                      )
                    }
                  >
                    Keep {others}
                  </button>
                </>
              )}
            </div>
          </div>
        );
      })}
    </section>
  );
}
