import type { Overview } from '../api/types.js';
import { ChannelTable } from './ChannelTable.js';
import { DailyChart } from './DailyChart.js';
import { KpiTiles } from './KpiTiles.js';

/** The overview's figures: totals, the daily chart and the channel table. Also what a shared overview shows. */
export function OverviewFigures({ overview }: { overview: Overview }) {
  return (
    <>
      <KpiTiles totals={overview.totals} />
      <DailyChart days={overview.days} />
      <ChannelTable channels={overview.channels} />
    </>
  );
}
