import './DigestDate.css';
import { useEffect, useId, useRef, useState } from 'react';
import { sameDayDigests } from '../../core/digest-date.js';
import { isoDay } from '../../core/import/dates.js';
import type { DigestProgress } from '../../core/query.js';
import { PencilIcon } from '../kit/icons.js';

/** The button on a digest in the sidebar that opens its date field. */
export function DigestDateButton({ digest, onClick }: { digest: DigestProgress; onClick: () => void }) {
  return (
    <button
      type="button"
      className="icon-button digest-date-edit"
      aria-label={`Change the date of ${digest.title}`}
      title="Change the date (F2)"
      onClick={onClick}
    >
      <PencilIcon size={13} />
    </button>
  );
}

/**
 * The day a digest is of, to change: a date field, saved with Enter or Save, left as it was with Esc, Cancel or
 * a click elsewhere. Says which digest of the same source is of the day chosen already (both are kept).
 */
export function DigestDateForm({
  digest,
  digests,
  onDone,
}: {
  digest: DigestProgress;
  digests: readonly DigestProgress[];
  onDone: (date: string | null) => void;
}) {
  const [value, setValue] = useState(digest.date ?? '');
  const inputRef = useRef<HTMLInputElement>(null);
  const id = useId();
  const finished = useRef(false);

  useEffect(() => {
    inputRef.current?.focus();
  }, []);

  const day = isoDay(value);
  const [sameDay] = day === null ? [] : sameDayDigests(digests, digest, day);
  const finish = (date: string | null): void => {
    if (finished.current) return;
    finished.current = true;
    onDone(date !== null && date !== digest.date ? date : null);
  };

  return (
    <form
      className="digest-date-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (day !== null) finish(day);
      }}
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget)) finish(null);
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          event.stopPropagation();
          finish(null);
        }
      }}
    >
      <label className="digest-date-label" htmlFor={`${id}-input`}>
        Date of {digest.title}
      </label>
      <input
        id={`${id}-input`}
        ref={inputRef}
        className="tag-rename-input digest-date-input"
        type="date"
        required
        value={value}
        aria-describedby={`${id}-hint`}
        onChange={(event) => setValue(event.target.value)}
      />
      <p id={`${id}-hint`} className={`digest-date-hint${sameDay === undefined ? '' : ' is-warn'}`}>
        {sameDay === undefined
          ? 'Enter to save · Esc to cancel'
          : `“${sameDay.title}” is of that day too; the two stay apart.`}
      </p>
      <div className="digest-date-actions">
        <button type="button" className="button is-small" onClick={() => finish(null)}>
          Cancel
        </button>
        <button type="submit" className="button is-small is-primary" disabled={day === null}>
          Save
        </button>
      </div>
    </form>
  );
}
