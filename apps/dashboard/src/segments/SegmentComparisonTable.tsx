import { TableScroll } from '../components/TableScroll.js';
import { formatCount, formatPercent } from '../format/formatPercent.js';

/** One row: a step or stage, and for each segment its persons and a rate (null: none, shown as —). */
export interface ComparisonRow {
  name: string;
  figures: [[number, number | null], [number, number | null]];
}

export interface SegmentComparisonTableProps {
  /** The table's accessible name, also its scroll region's. */
  label: string;
  /** The two segments' names. */
  labels: [string, string];
  /** What the rate is: `conversion`, `from the previous stage`. */
  rateLabel: string;
  rows: ComparisonRow[];
}

/** Two segments side by side: per row, the persons and a rate of each. */
export function SegmentComparisonTable({ label, labels, rateLabel, rows }: SegmentComparisonTableProps) {
  return (
    <section class="card" aria-labelledby="segment-comparison-title">
      <h2 id="segment-comparison-title">
        {labels[0]} and {labels[1]}
      </h2>
      <TableScroll label={`${label}, scrollable`}>
        <table class="data-table" aria-label={label}>
          <thead>
            <tr>
              <th scope="col">{label.split(' ')[0]}</th>
              {labels.flatMap((name) => [
                <th key={`${name}-persons`} scope="col" class="num">
                  {name}: persons
                </th>,
                <th key={`${name}-rate`} scope="col" class="num">
                  {name}: {rateLabel}
                </th>,
              ])}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, k) => (
              <tr key={k}>
                <th scope="row">{row.name}</th>
                {row.figures.flatMap(([persons, rate], s) => [
                  <td key={`${s}-persons`} class="num">
                    {formatCount(persons)}
                  </td>,
                  <td key={`${s}-rate`} class="num">
                    {rate === null ? '—' : formatPercent(rate)}
                  </td>,
                ])}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}
