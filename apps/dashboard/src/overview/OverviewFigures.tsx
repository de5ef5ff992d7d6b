import type { ChartAnnotation } from '../annotations/findAnnotationsIn.js';
import type { Overview } from '../api/types.js';
import { AttributionTable } from './AttributionTable.js';
import { ChannelTable } from './ChannelTable.js';
import { DailyChart } from './DailyChart.js';
import { KpiTiles } from './KpiTiles.js';

/**
 * The overview's figures: totals, the daily chart, the channel table and conversions by
 * attribution model. Also what a shared overview shows. With `previous`, the totals of
 * the previous period beside them.
 */
export function OverviewFigures({
  overview,
  previous,
  annotations,
}: {
  overview: Overview;
  previous?: Overview | undefined;
  /** The project's annotations, marked on the daily chart (a shared view has none). */
  annotations?: readonly ChartAnnotation[];
}) {
  return (
    <>
      <KpiTiles totals={overview.totals} previous={previous?.totals} />
      <DailyChart days={overview.days} annotations={annotations} />
      <ChannelTable channels={overview.channels} />
      <AttributionTable attribution={overview.attribution} conversions={overview.totals.conversions} />
    </>
  );
}
