import type { Funnel } from '../api/types.js';
import { SegmentComparisonTable } from '../segments/SegmentComparisonTable.js';

/** Two segments' funnels side by side: per step, the persons and the conversion from step 1 of each. */
export function FunnelComparison({
  labels,
  results,
}: {
  labels: [string, string];
  results: [Funnel, Funnel];
}) {
  const [first, second] = results;
  return (
    <SegmentComparisonTable
      label="Step by segment"
      labels={labels}
      rateLabel="conversion"
      rows={first.steps.map((step, k) => ({
        name: `${k + 1}. ${step.name}`,
        figures: [
          [step.count, step.conversionRate],
          [second.steps[k]!.count, second.steps[k]!.conversionRate],
        ],
      }))}
    />
  );
}
