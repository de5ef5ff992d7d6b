import type { Overview } from '../api/types.js';
import { formatChange } from '../format/formatChange.js';
import { formatCount, formatNps, formatPercent } from '../format/formatPercent.js';

type Totals = Overview['totals'];

interface Figure {
  label: string;
  of: (totals: Totals) => number | null;
  format: (value: number | null) => string;
}

const count = (value: number | null) => formatCount(value ?? 0);
/** The figures of the totals, and how each reads. */
const FIGURES: Figure[] = [
  { label: 'Persons', of: (t) => t.persons, format: count },
  { label: 'Touchpoints', of: (t) => t.events, format: count },
  { label: 'Conversions', of: (t) => t.conversions, format: count },
  { label: 'NPS', of: (t) => t.nps, format: formatNps },
];

/** The note under a figure: what it counts. */
function noteOf(label: string, totals: Totals): string {
  if (label === 'Persons') return 'with a touchpoint';
  if (label === 'Touchpoints') return `${(totals.events / Math.max(totals.persons, 1)).toFixed(1)} a person`;
  if (label === 'Conversions') {
    return `${formatPercent(totals.persons === 0 ? 0 : totals.conversions / totals.persons)} of persons`;
  }
  return `${formatCount(totals.npsResponses)} responses`;
}

/**
 * The range's totals at a glance: persons, touchpoints, conversions and NPS; with
 * `previous`, each figure of the previous period of equal length and the change.
 */
export function KpiTiles({ totals, previous }: { totals: Totals; previous?: Totals | undefined }) {
  const tiles = FIGURES.map(({ label, of, format }) => {
    const value = of(totals);
    const before = previous === undefined ? undefined : of(previous);
    return {
      label,
      value: format(value),
      note: noteOf(label, totals),
      previous:
        before === undefined
          ? undefined
          : `Previous period: ${format(before)} (${value === null || before === null ? 'no NPS' : formatChange(value, before)})`,
    };
  });
  return (
    <dl class="kpis">
      {tiles.map((tile) => (
        <div key={tile.label} class="kpi">
          <dt>{tile.label}</dt>
          <dd>
            <span class="kpi-value">{tile.value}</span>
            <span class="kpi-note">{tile.note}</span>
            {tile.previous !== undefined && <span class="kpi-previous">{tile.previous}</span>}
          </dd>
        </div>
      ))}
    </dl>
  );
}
