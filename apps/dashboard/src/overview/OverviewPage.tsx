import { useQuery } from '@tanstack/react-query';
import { can } from '../access/can.js';
import { useTRPC } from '../api/trpc.js';
import { ErrorNotice } from '../components/ErrorNotice.js';
import { RangePicker } from '../components/RangePicker.js';
import { ReportButton } from '../reports/ReportButton.js';
import type { PageProps } from '../pages.js';
import { createChangedHash } from '../routing/resolveRoute.js';
import { ShareButton } from '../share/ShareButton.js';
import { ATTRIBUTION_LABELS, type AttributionModel } from './AttributionTable.js';
import { ConversionPicker } from './ConversionPicker.js';
import { FirstRunPanel } from './FirstRunPanel.js';
import { getDayRange, parseRangeDays } from './getDayRange.js';
import { OverviewFigures } from './OverviewFigures.js';

/** The page path of the overview, the home page. */
export const OVERVIEW_PATH = 'overview';

/**
 * The overview: persons, touchpoints, conversions and NPS over the last 7 to 90 days,
 * per day and per channel, and conversions by channel under an attribution model. A
 * project that has never received a touchpoint shows its first-run panel instead.
 * `?days=`, `?conversion=` and `?attribution=` (`first`, `any`; last touch by default)
 * keep the view in the URL.
 */
export function OverviewPage({ project, params }: PageProps) {
  const trpc = useTRPC();
  const days = parseRangeDays(params['days']);
  const conversion = params['conversion']?.trim() || undefined;
  const attribution: AttributionModel =
    params['attribution'] !== undefined && params['attribution'] in ATTRIBUTION_LABELS
      ? (params['attribution'] as AttributionModel)
      : 'last';
  const query = {
    ...getDayRange(days, Date.now()),
    ...(conversion === undefined ? {} : { conversion: { name: conversion } }),
    attribution,
  };
  const overview = useQuery(trpc.journeys.overview.queryOptions({ projectId: project.projectId, ...query }));
  const settings = useQuery(trpc.admin.project.queryOptions({ projectId: project.projectId }));

  const withParams = (changes: Record<string, string | undefined>) =>
    createChangedHash({ projectId: project.projectId, path: OVERVIEW_PATH, params }, changes);

  if (settings.data?.hasTouchpoints === false) {
    return (
      <>
        <h1>Overview</h1>
        <FirstRunPanel projectId={project.projectId} writeKey={settings.data.writeKey} />
      </>
    );
  }

  return (
    <>
      <div class="page-head">
        <h1>Overview</h1>
        <RangePicker value={days} hrefFor={(next) => withParams({ days: String(next) })} />
        {can(project.role, 'share') && (
          <ShareButton projectId={project.projectId} view="overview" params={params} query={query} />
        )}
        <ReportButton projectId={project.projectId} range={getDayRange(days, Date.now())} />
      </div>
      <ConversionPicker
        projectId={project.projectId}
        value={conversion}
        onChange={(name) => {
          location.hash = withParams({ conversion: name });
        }}
      />
      <ul class="segmented" aria-label="Attribution model">
        {(Object.keys(ATTRIBUTION_LABELS) as AttributionModel[]).map((model) => (
          <li key={model}>
            <a
              href={withParams({ attribution: model === 'last' ? undefined : model })}
              aria-current={model === attribution ? 'true' : undefined}
            >
              {ATTRIBUTION_LABELS[model].name}
            </a>
          </li>
        ))}
      </ul>
      {overview.isPending && (
        <p class="notice" role="status">
          Counting the last {days} days…
        </p>
      )}
      {overview.isError && <ErrorNotice error={overview.error} onRetry={() => void overview.refetch()} />}
      {overview.data && <OverviewFigures overview={overview.data} />}
    </>
  );
}
