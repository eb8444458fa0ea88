import { useState } from 'react';
import { isDay } from '../../core/days.js';
import { isoDateLabel } from '../../core/import/dates.js';
import { useAppState, useController } from '../kit/context.js';
import { latestDayImported, latestDayNotImported, todayInUtc } from '../lib/daily-papers-day.js';
import { FormDialog, FormField } from './FormDialog.js';

/** Why `day` cannot be fetched, or null when it can. */
function problemWith(day: string, today: string): string | null {
  if (!isDay(day)) return 'Choose a day.';
  if (day > today) return `${isoDateLabel(day)} is after today (${isoDateLabel(today)}, in UTC): it has no papers yet.`;
  return null;
}

/** A day of Hugging Face Daily Papers to fetch: the latest the library lacks, unless the user picks another. */
export function FetchDailyPapersDialog({ onClose }: { onClose: () => void }) {
  const controller = useController();
  const digests = useAppState((state) => state.digests);
  const running = useAppState((state) => state.task !== null);
  const [today] = useState(() => todayInUtc(new Date()));
  const [day, setDay] = useState(() => latestDayNotImported(digests, today));
  const [problem, setProblem] = useState<string | null>(null);
  const lastImported = latestDayImported(digests);

  const submit = (): void => {
    const found = problemWith(day, today);
    setProblem(found);
    if (found === null) void controller.fetchDailyPapers(day);
  };

  return (
    <FormDialog
      title="Fetch Hugging Face Daily Papers"
      submitLabel="Fetch"
      disabled={running}
      onSubmit={submit}
      onClose={onClose}
    >
      <FormField
        label="Day"
        problem={problem}
        hint={
          <>
            {lastImported === null
              ? 'Your library has no Hugging Face Daily Papers yet.'
              : `The latest day in your library is ${isoDateLabel(lastImported)}.`}{' '}
            Papers you have already are merged, never duplicated; their status, tags and notes stay.
          </>
        }
      >
        {(field) => (
          <input
            {...field}
            className="intake-input"
            type="date"
            max={today}
            required
            value={day}
            data-autofocus
            onChange={(event) => setDay(event.target.value)}
          />
        )}
      </FormField>
    </FormDialog>
  );
}
