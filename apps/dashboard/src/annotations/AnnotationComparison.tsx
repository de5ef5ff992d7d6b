import { useQuery } from '@tanstack/react-query';
import { useState } from 'preact/hooks';
import { useTRPC } from '../api/trpc.js';
import type { AnnotationComparison as Comparison } from '../api/types.js';
import { ErrorNotice } from '../components/ErrorNotice.js';
import { TableScroll } from '../components/TableScroll.js';
import { formatCount, formatNps, formatPercent } from '../format/formatPercent.js';
import { formatShortDay } from '../format/formatShortDay.js';
import { toDayKey } from './findAnnotationsIn.js';

/** The periods a comparison offers, in days each side. */
export const COMPARE_DAYS = [7, 14, 30] as const;

type Figures = Comparison['before'];

const percentOrDash = (rate: number | null) => (rate === null ? '—' : formatPercent(rate));

/** The rows of the comparison: each figure, how to write it. */
const ROWS: Array<{ label: string; show: (f: Figures) => string }> = [
  { label: 'Persons with the touchpoint', show: (f) => formatCount(f.persons) },
  { label: 'Exit rate', show: (f) => percentOrDash(f.exitRate) },
  { label: 'NPS', show: (f) => formatNps(f.nps) },
  { label: 'Conversion rate (project)', show: (f) => percentOrDash(f.conversionRate) },
];

function describePeriod(figures: Figures): string {
  const days = `${formatShortDay(toDayKey(figures.from))} – ${formatShortDay(toDayKey(figures.to))}`;
  return figures.complete ? days : `${days} (under way)`;
}

/**
 * Before and after an annotation tied to a touchpoint, over equal periods either side
 * (`annotations.compare`): the touchpoint's exit rate and NPS, and the conversion rate.
 */
export function AnnotationComparison({
  projectId,
  annotationId,
}: {
  projectId: string;
  annotationId: string;
}) {
  const trpc = useTRPC();
  const [days, setDays] = useState<number>(7);
  const compare = useQuery(trpc.annotations.compare.queryOptions({ projectId, annotationId, days }));
  const selectId = `compare-days-${annotationId}`;
  return (
    <div class="annotation-comparison">
      <div class="field">
        <label for={selectId}>Compare over</label>
        <select id={selectId} value={days} onChange={(e) => setDays(Number(e.currentTarget.value))}>
          {COMPARE_DAYS.map((option) => (
            <option key={option} value={option}>
              {option} days each side
            </option>
          ))}
        </select>
      </div>
      {compare.isPending && (
        <p class="notice" role="status">
          Comparing…
        </p>
      )}
      {compare.isError && <ErrorNotice error={compare.error} onRetry={() => void compare.refetch()} />}
      {compare.data && (
        <TableScroll label={`Before and after, ${compare.data.touchpoint}`}>
          <table class="data-table compare-table">
            <thead>
              <tr>
                <th scope="col">{compare.data.touchpoint}</th>
                <th scope="col">Before · {describePeriod(compare.data.before)}</th>
                <th scope="col">After · {describePeriod(compare.data.after)}</th>
              </tr>
            </thead>
            <tbody>
              {ROWS.map((row) => (
                <tr key={row.label}>
                  <th scope="row">{row.label}</th>
                  <td class="num compare-before">{row.show(compare.data.before)}</td>
                  <td class="num compare-after">{row.show(compare.data.after)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </div>
  );
}
