import type { Overview } from '../api/types.js';
import { formatCount, formatNps, formatPercent } from '../format/formatPercent.js';

/** The range's totals at a glance: persons, touchpoints, conversions and NPS. */
export function KpiTiles({ totals }: { totals: Overview['totals'] }) {
  const conversionRate = totals.persons === 0 ? 0 : totals.conversions / totals.persons;
  const tiles = [
    { label: 'Persons', value: formatCount(totals.persons), note: 'with a touchpoint' },
    {
      label: 'Touchpoints',
      value: formatCount(totals.events),
      note: `${(totals.events / Math.max(totals.persons, 1)).toFixed(1)} a person`,
    },
    {
      label: 'Conversions',
      value: formatCount(totals.conversions),
      note: `${formatPercent(conversionRate)} of persons`,
    },
    { label: 'NPS', value: formatNps(totals.nps), note: `${formatCount(totals.npsResponses)} responses` },
  ];
  return (
    <dl class="kpis">
      {tiles.map((tile) => (
        <div key={tile.label} class="kpi">
          <dt>{tile.label}</dt>
          <dd>
            <span class="kpi-value">{tile.value}</span>
            <span class="kpi-note">{tile.note}</span>
          </dd>
        </div>
      ))}
    </dl>
  );
}
