import { RANGE_DAYS, type RangeDays } from '../overview/getDayRange.js';

export interface RangePickerProps {
  /** The range shown; `undefined` for all time. */
  value: RangeDays | undefined;
  /** The link that shows the page over `days` days, or over all time for `undefined`. */
  hrefFor: (days: RangeDays | undefined) => string;
  /** Offer "All time" before the day ranges. Default false. */
  allowAllTime?: boolean;
  /** Custom dates are shown: no preset is current. Default false. */
  custom?: boolean;
}

/** Last 7 / 30 / 60 / 90 days, as links: the range lives in the URL, so it is shared with it. */
export function RangePicker({ value, hrefFor, allowAllTime = false, custom = false }: RangePickerProps) {
  const options: (RangeDays | undefined)[] = allowAllTime ? [undefined, ...RANGE_DAYS] : [...RANGE_DAYS];
  return (
    <ul class="segmented" aria-label="Date range">
      {options.map((days) => (
        <li key={days ?? 'all'}>
          <a href={hrefFor(days)} aria-current={!custom && days === value ? 'true' : undefined}>
            {days === undefined ? 'All time' : `${days} days`}
          </a>
        </li>
      ))}
    </ul>
  );
}
