import './StatusControl.css';
import { READING_STATUSES, type ReadingStatus } from '../../core/model.js';
import { STATUS_LABELS } from '../lib/status.js';

/** Unread / Reading / Read / Dismissed as one segmented control; `r` cycles the first three, `d` dismisses. */
export function StatusControl({
  value,
  onChange,
  label = 'Reading status',
}: {
  value: ReadingStatus | null;
  onChange: (status: ReadingStatus) => void;
  label?: string;
}) {
  return (
    <div className="segmented" role="group" aria-label={label}>
      {READING_STATUSES.map((status) => (
        <button
          key={status}
          type="button"
          className={`segment status-${status}${value === status ? ' is-on' : ''}`}
          aria-pressed={value === status}
          onClick={() => onChange(status)}
        >
          <span className="segment-dot" aria-hidden="true" />
          {STATUS_LABELS[status]}
        </button>
      ))}
    </div>
  );
}
