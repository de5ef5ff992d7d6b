import { findAnnotationsIn, toDayKey, type ChartAnnotation } from '../annotations/findAnnotationsIn.js';
import type { Funnel } from '../api/types.js';
import { formatCount, formatPercent } from '../format/formatPercent.js';
import { formatShortDay } from '../format/formatShortDay.js';
import { BarRows } from './BarRows.js';

const WEEK = 7 * 86_400_000;

/** A week's label, with the annotations of its days: `Week of 3 Jun · Release 2.0`. */
function labelWeek(week: string, annotations: readonly ChartAnnotation[]): string {
  const lastDay = toDayKey(Date.parse(`${week}T00:00:00Z`) + WEEK - 1);
  const notes = findAnnotationsIn(annotations, week, lastDay).map((a) => ` · ${a.text}`);
  return `Week of ${formatShortDay(week)}${notes.join('')}`;
}

/**
 * Conversion by week of the chains' start: of those who started that week, the share
 * who reached the last step; a week names the project's annotations (`annotations`,
 * default none) that fall in it.
 */
export function FunnelWeeks({
  weeks,
  annotations = [],
}: {
  weeks: Funnel['overTime'];
  annotations?: readonly ChartAnnotation[];
}) {
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
              label: labelWeek(week.week, annotations),
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
