import { useState } from 'preact/hooks';
import { countDays } from '../time/zoneDays.js';
import { MAX_RANGE_DAYS, type DayRange } from '../time/dayRange.js';

export interface CustomRangeFormProps {
  /** The days shown now: the form starts from them. */
  value: DayRange;
  /** Called with a valid range (in order, at most 366 days). */
  onApply: (range: DayRange) => void;
  /** The zone the dates are in, shown beside them. */
  timeZone: string;
}

/** The two dates of a range and their labels. */
const RANGE_ENDS = [
  { end: 'from', label: 'From' },
  { end: 'to', label: 'To' },
] as const;

/** Says what is wrong with a range, or undefined when it can be shown. */
function checkRange({ from, to }: DayRange): string | undefined {
  if (from === '' || to === '') return 'Choose both dates.';
  if (from > to) return 'The start date must not be after the end date.';
  if (countDays(from, to) > MAX_RANGE_DAYS) return `A range spans at most ${MAX_RANGE_DAYS} days.`;
  return undefined;
}

/** Custom dates (from, to, both included) in the project's zone, applied together. */
export function CustomRangeForm({ value, onApply, timeZone }: CustomRangeFormProps) {
  const [range, setRange] = useState(value);
  const [problem, setProblem] = useState<string | undefined>();
  const onSubmit = (event: Event) => {
    event.preventDefault();
    const found = checkRange(range);
    setProblem(found);
    if (found === undefined) onApply(range);
  };
  return (
    <form class="inline-form range-form" onSubmit={onSubmit} aria-label="Custom date range">
      {RANGE_ENDS.map(({ end, label }) => (
        <div class="field" key={end}>
          <label for={`range-${end}`}>{label}</label>
          <input
            id={`range-${end}`}
            type="date"
            required
            value={range[end]}
            onInput={(event) => setRange({ ...range, [end]: event.currentTarget.value })}
          />
        </div>
      ))}
      <button type="submit">Set range</button>
      <p class="help">Days in {timeZone}</p>
      {problem !== undefined && (
        <p class="field-error" role="alert">
          {problem}
        </p>
      )}
    </form>
  );
}
