import type { Stages } from '../api/types.js';
import { SegmentComparisonTable } from '../segments/SegmentComparisonTable.js';

/** Two segments' journey maps side by side: per stage, the persons and the conversion from the stage before. */
export function StagesComparison({
  labels,
  results,
}: {
  labels: [string, string];
  results: [Stages, Stages];
}) {
  const [first, second] = results;
  return (
    <SegmentComparisonTable
      label="Stage by segment"
      labels={labels}
      rateLabel="from the stage before"
      rows={first.stages.map((stage, k) => ({
        name: stage.name,
        figures: [
          [stage.persons, stage.conversionFromPrevious],
          [second.stages[k]!.persons, second.stages[k]!.conversionFromPrevious],
        ],
      }))}
    />
  );
}
