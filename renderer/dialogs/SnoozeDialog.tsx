import './SnoozeDialog.css';
import { useId, useState } from 'react';
import { addDays } from '../../core/days.js';
import { MAX_SNOOZE_DAYS, nextWeek, snoozeDayProblem } from '../../core/triage.js';
import { useAppState, useController } from '../kit/context.js';
import { dayLabel } from '../lib/days.js';
import { plural } from '../lib/status.js';
import { Dialog } from './Dialog.js';

/**
 * The snooze chooser (`s`): tomorrow, next week, or a day picked. The papers leave Unread until that day, then come
 * back on their own, marked. Each choice is a button; Tab goes through them, Esc leaves without a snooze.
 */
export function SnoozeDialog({ ids, onClose }: { ids: readonly string[]; onClose: () => void }) {
  const controller = useController();
  const today = useAppState((state) => state.today);
  const tomorrow = addDays(today, 1);
  const week = nextWeek(today);
  const [picked, setPicked] = useState('');
  const fieldId = useId();
  const what = ids.length === 1 ? 'this paper' : `these ${plural(ids.length, 'paper')}`;
  const problem = picked === '' ? null : snoozeDayProblem(picked, today);

  const choose = (day: string): void => {
    controller.decide({ snoozeUntil: day }, ids);
    onClose();
  };

  return (
    <Dialog
      title={`Snooze ${what}`}
      onClose={onClose}
      footer={
        <button type="button" className="button is-quiet" onClick={onClose}>
          Cancel
        </button>
      }
    >
      <p className="snooze-about">Out of Unread until the day you choose, then back on its own, marked.</p>
      <ul className="snooze-choices">
        <li>
          <button type="button" className="snooze-choice" data-autofocus onClick={() => choose(tomorrow)}>
            <span className="snooze-choice-name">Tomorrow</span>
            <span className="snooze-choice-day">{dayLabel(tomorrow, today)}</span>
          </button>
        </li>
        <li>
          <button type="button" className="snooze-choice" onClick={() => choose(week)}>
            <span className="snooze-choice-name">Next week</span>
            <span className="snooze-choice-day">{dayLabel(week, today)}</span>
          </button>
        </li>
      </ul>
      <form
        className="snooze-pick"
        onSubmit={(event) => {
          event.preventDefault();
          if (picked !== '' && problem === null) choose(picked);
        }}
      >
        <label className="snooze-pick-label" htmlFor={fieldId}>
          Pick a date
        </label>
        <div className="snooze-pick-row">
          <input
            id={fieldId}
            className="snooze-pick-input"
            type="date"
            required
            min={tomorrow}
            max={addDays(today, MAX_SNOOZE_DAYS)}
            value={picked}
            aria-invalid={problem !== null}
            aria-describedby={`${fieldId}-hint`}
            onChange={(event) => setPicked(event.target.value)}
          />
          <button type="submit" className="button is-primary" disabled={picked === '' || problem !== null}>
            Snooze
          </button>
        </div>
        <p id={`${fieldId}-hint`} className={`snooze-pick-hint${problem === null ? '' : ' is-error'}`}>
          {problem ?? 'Any day from tomorrow to a year from now.'}
        </p>
      </form>
    </Dialog>
  );
}
