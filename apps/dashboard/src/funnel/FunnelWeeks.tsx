import type { Funnel } from '../api/types.js';
import { formatCount, formatPercent } from '../format/formatPercent.js';
import { formatShortDay } from '../format/formatShortDay.js';
import { BarRows } from './BarRows.js';

/** Conversion by week of the chains' start: of those who started that week, the share who reached the last step. */
export function FunnelWeeks({ weeks }: { weeks: Funnel['overTime'] }) {
  return (
    <section class="card" aria-labelledby="funnel-weeks-heading">
      <h2 id="funnel-weeks-heading">Conversion by week</h2>
      {weeks.length === 0 ? (
        <p class="muted">Nobody started this funnel.</p>
      ) : (
        <BarRows
          label="Conversion to the last step, by week of step 1"
          rows={weeks.map((week) => {
            const started = week.counts[0] ?? 0;
            const converted = week.counts[week.counts.length - 1] ?? 0;
            return {
              key: week.week,
              label: `Week of ${formatShortDay(week.week)}`,
              share: week.conversionRate,
              value: (
                <>
                  <strong>{formatPercent(week.conversionRate)}</strong> · {formatCount(converted)} of{' '}
                  {formatCount(started)}
                </>
              ),
            };
          })}
        />
      )}
    </section>
  );
}
