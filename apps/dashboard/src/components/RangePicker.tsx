import { RANGE_DAYS, type RangeDays } from '../overview/getDayRange.js';

export interface RangePickerProps {
  value: RangeDays;
  /** The link that shows the page over `days` days. */
  hrefFor: (days: RangeDays) => string;
}

/** Last 7 / 30 / 60 / 90 days, as links: the range lives in the URL, so it is shared with it. */
export function RangePicker({ value, hrefFor }: RangePickerProps) {
  return (
    <ul class="segmented" aria-label="Date range">
      {RANGE_DAYS.map((days) => (
        <li key={days}>
          <a href={hrefFor(days)} aria-current={days === value ? 'true' : undefined}>
            {days} days
          </a>
        </li>
      ))}
    </ul>
  );
}
