import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../api/trpc.js';
import { ErrorNotice } from '../components/ErrorNotice.js';
import { RangePicker } from '../components/RangePicker.js';
import type { PageProps } from '../pages.js';
import { createHash } from '../routing/parseHash.js';
import { ChannelTable } from './ChannelTable.js';
import { ConversionPicker } from './ConversionPicker.js';
import { DailyChart } from './DailyChart.js';
import { getDayRange, parseRangeDays } from './getDayRange.js';
import { KpiTiles } from './KpiTiles.js';

/** The page path of the overview, the home page. */
export const OVERVIEW_PATH = 'overview';

/**
 * The overview: persons, touchpoints, conversions and NPS over the last 7 to 90 days,
 * per day and per channel. `?days=` and `?conversion=` keep the view in the URL.
 */
export function OverviewPage({ project, params }: PageProps) {
  const trpc = useTRPC();
  const days = parseRangeDays(params['days']);
  const conversion = params['conversion']?.trim() || undefined;
  const query = useQuery(
    trpc.journeys.overview.queryOptions({
      projectId: project.projectId,
      ...getDayRange(days, Date.now()),
      ...(conversion === undefined ? {} : { conversion: { name: conversion } }),
    }),
  );

  const withParams = (changes: Record<string, string | undefined>) => {
    const next: Record<string, string> = {};
    for (const [key, value] of Object.entries({ ...params, ...changes }))
      if (value !== undefined) next[key] = value;
    return createHash(OVERVIEW_PATH, next);
  };

  return (
    <>
      <div class="page-head">
        <h1>Overview</h1>
        <RangePicker value={days} hrefFor={(next) => withParams({ days: String(next) })} />
      </div>
      <ConversionPicker
        projectId={project.projectId}
        value={conversion}
        onChange={(name) => {
          location.hash = withParams({ conversion: name });
        }}
      />
      {query.isPending && (
        <p class="notice" role="status">
          Counting the last {days} days…
        </p>
      )}
      {query.isError && <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />}
      {query.data && (
        <>
          <KpiTiles totals={query.data.totals} />
          <DailyChart days={query.data.days} />
          <ChannelTable channels={query.data.channels} />
        </>
      )}
    </>
  );
}
