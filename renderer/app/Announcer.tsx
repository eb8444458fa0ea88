import { useAppState } from '../kit/context.js';

/**
 * The app's live region for changes made in place (a status, a tag): a screen reader says them politely, as
 * "Marked read: <title>". Each announcement is a new node, so the same words twice are heard twice.
 */
export function Announcer() {
  const announcement = useAppState((state) => state.announcement);
  return (
    <div id="announcer" className="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
      {announcement !== null && <span key={announcement.id}>{announcement.text}</span>}
    </div>
  );
}
