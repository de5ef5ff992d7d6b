import type { Funnel as FunnelResult } from '../api/types.js';
import { TableScroll } from '../components/TableScroll.js';
import { formatCount, formatPercent } from '../format/formatPercent.js';

export interface FunnelComparisonProps {
  /** The two segments' names, in the order of `results`. */
  labels: [string, string];
  results: [FunnelResult, FunnelResult];
}

/** Two segments' funnels side by side: per step, the persons and the conversion from step 1 of each. */
export function FunnelComparison({ labels, results }: FunnelComparisonProps) {
  const [first, second] = results;
  return (
    <section class="card" aria-labelledby="funnel-comparison-title">
      <h2 id="funnel-comparison-title">
        {labels[0]} and {labels[1]}
      </h2>
      <TableScroll label="Funnel by segment">
        <table class="data-table" aria-label="Funnel by segment">
          <thead>
            <tr>
              <th scope="col">Step</th>
              <th scope="col" class="num">
                {labels[0]}: persons
              </th>
              <th scope="col" class="num">
                {labels[0]}: conversion
              </th>
              <th scope="col" class="num">
                {labels[1]}: persons
              </th>
              <th scope="col" class="num">
                {labels[1]}: conversion
              </th>
            </tr>
          </thead>
          <tbody>
            {first.steps.map((step, k) => (
              <tr key={k}>
                <th scope="row">
                  {k + 1}. {step.name}
                </th>
                <td class="num">{formatCount(step.count)}</td>
                <td class="num">{formatPercent(step.conversionRate)}</td>
                <td class="num">{formatCount(second.steps[k]!.count)}</td>
                <td class="num">{formatPercent(second.steps[k]!.conversionRate)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}
