import type { RangeDays } from '../overview/getDayRange.js';
import { toCustomRangeParams, toPresetParams, type PageRange } from '../time/getPageRange.js';
import { CustomRangeForm } from './CustomRangeForm.js';
import { RangePicker } from './RangePicker.js';

export interface PeriodControlsProps {
  period: PageRange;
  timeZone: string;
  /** The link that applies URL changes to the page (undefined removes a parameter). */
  hrefFor: (changes: Record<string, string | undefined>) => string;
  /** Offer "Compare with the previous period". Default false. */
  allowCompare?: boolean;
  /** Show the presets (a page whose form offers them passes false). Default true. */
  showPresets?: boolean;
  /**
   * Offer "All time" among the presets: `true` when it is what the page shows, `false`
   * when another period is. Default undefined: not offered.
   */
  allTime?: boolean;
}

/**
 * The period of a page: presets, custom dates in the project's zone and, where the
 * page shows it, the comparison with the previous period; all of it in the URL.
 */
export function PeriodControls(props: PeriodControlsProps) {
  const { period, timeZone, hrefFor, allowCompare = false, showPresets = true, allTime } = props;
  const comparing = period.previous !== undefined;
  return (
    <div class="period-controls">
      {showPresets && (
        <RangePicker
          value={allTime === true ? undefined : period.days}
          allowAllTime={allTime !== undefined}
          custom={period.custom !== undefined}
          hrefFor={(days: RangeDays | undefined) => hrefFor(toPresetParams(days))}
        />
      )}
      <CustomRangeForm
        key={`${period.range.from}/${period.range.to}`}
        value={period.range}
        timeZone={timeZone}
        onApply={(range) => {
          location.hash = hrefFor(toCustomRangeParams(range));
        }}
      />
      {allowCompare && (
        <a
          class="compare-toggle"
          href={hrefFor({ period: comparing ? undefined : 'previous' })}
          aria-pressed={comparing ? 'true' : 'false'}
          role="button"
        >
          {comparing ? 'Stop comparing' : 'Compare with the previous period'}
        </a>
      )}
    </div>
  );
}
