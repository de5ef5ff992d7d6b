import type { Funnel } from '../api/types.js';
import { TableScroll } from '../components/TableScroll.js';
import { formatChange } from '../format/formatChange.js';
import { formatCount, formatPercent } from '../format/formatPercent.js';
import { describeRange } from '../time/describeRange.js';
import type { DayRange } from '../time/dayRange.js';

export interface FunnelPeriodComparisonProps {
  current: Funnel['steps'];
  previous: Funnel['steps'];
  /** The two periods, for the caption. */
  ranges: { current: DayRange; previous: DayRange };
}

/** Each step of the funnel in this period and the previous one of equal length, and the change. */
export function FunnelPeriodComparison({ current, previous, ranges }: FunnelPeriodComparisonProps) {
  return (
    <section class="card" aria-labelledby="funnel-comparison-heading">
      <h2 id="funnel-comparison-heading">Compared with the previous period</h2>
      <TableScroll label="Funnel compared with the previous period">
        <table class="data-table funnel-comparison">
          <caption>
            {describeRange(ranges.current)} against {describeRange(ranges.previous)}
          </caption>
          <thead>
            <tr>
              <th scope="col">Step</th>
              <th scope="col" class="num">
                This period
              </th>
              <th scope="col" class="num">
                Previous period
              </th>
              <th scope="col" class="num">
                Change
              </th>
            </tr>
          </thead>
          <tbody>
            {current.map((step, index) => {
              const before = previous[index];
              return (
                <tr key={index}>
                  <th scope="row">{step.name}</th>
                  <td class="num">
                    {formatCount(step.count)} · {formatPercent(step.conversionRate)}
                  </td>
                  <td class="num">
                    {before === undefined
                      ? '–'
                      : `${formatCount(before.count)} · ${formatPercent(before.conversionRate)}`}
                  </td>
                  <td class="num">{before === undefined ? '–' : formatChange(step.count, before.count)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}
