import { useQuery } from '@tanstack/react-query';
import { can } from '../access/can.js';
import { useTRPC } from '../api/trpc.js';
import { useAnnotations } from '../annotations/useAnnotations.js';
import { ErrorNotice } from '../components/ErrorNotice.js';
import { PageSegmentPicker } from '../segments/SegmentPicker.js';
import { SEGMENT_PARAM } from '../segments/segmentParams.js';
import { PeriodControls } from '../components/PeriodControls.js';
import { describeRange } from '../time/describeRange.js';
import { usePagePeriod } from '../time/usePagePeriod.js';
import { ReportButton } from '../reports/ReportButton.js';
import type { PageProps } from '../pages.js';
import { createChangedHash } from '../routing/resolveRoute.js';
import { ShareButton } from '../share/ShareButton.js';
import { ATTRIBUTION_LABELS, type AttributionModel } from './AttributionTable.js';
import { ConversionPicker } from './ConversionPicker.js';
import { FirstRunPanel } from './FirstRunPanel.js';
import { FirstRunTimeZone } from './FirstRunTimeZone.js';
import { getOverviewQuestion, parseOverviewView } from './getOverviewQuery.js';
import { OverviewFigures } from './OverviewFigures.js';
import { OVERVIEW_PATH } from './overviewPath.js';

/**
 * The overview: persons, touchpoints, conversions and NPS over the last 7 to 90 days
 * or custom dates (days of the project's zone), per day and per channel, and
 * conversions by channel under an attribution model; the totals optionally beside
 * those of the previous period of equal length. A project that has never received a
 * touchpoint shows its first-run panel instead. `?days=` or `?from=&to=`,
 * `?period=previous`, `?conversion=` and `?attribution=` (`first`, `any`; last touch
 * by default) keep the view in the URL.
 */
export function OverviewPage({ project, params }: PageProps) {
  const trpc = useTRPC();
  const { ready, timeZone, period, bounds, previousBounds } = usePagePeriod(project.projectId, params);
  const view = parseOverviewView(params);
  const { conversion, attribution } = view;
  const question = getOverviewQuestion(view);
  const query = { ...bounds, ...question };
  const overview = useQuery({
    ...trpc.journeys.overview.queryOptions({ projectId: project.projectId, ...query }),
    enabled: ready,
  });
  const previous = useQuery({
    ...trpc.journeys.overview.queryOptions({
      projectId: project.projectId,
      ...(previousBounds ?? bounds),
      ...question,
    }),
    enabled: ready && previousBounds !== undefined,
  });
  const settings = useQuery(trpc.admin.project.queryOptions({ projectId: project.projectId }));
  const annotations = useAnnotations(project.projectId);

  const withParams = (changes: Record<string, string | undefined>) =>
    createChangedHash({ projectId: project.projectId, path: OVERVIEW_PATH, params }, changes);

  if (settings.data?.hasTouchpoints === false) {
    return (
      <>
        <h1>Overview</h1>
        {can(project.role, 'manageProject') && (
          <FirstRunTimeZone projectId={project.projectId} timeZone={settings.data.timeZone} />
        )}
        <FirstRunPanel projectId={project.projectId} writeKey={settings.data.writeKey} />
      </>
    );
  }

  return (
    <>
      <div class="page-head">
        <h1>Overview</h1>
        {can(project.role, 'share') && (
          <ShareButton projectId={project.projectId} view="overview" params={params} query={query} />
        )}
        <ReportButton projectId={project.projectId} range={bounds} />
      </div>
      <PageSegmentPicker
        projectId={project.projectId}
        value={params[SEGMENT_PARAM]}
        hrefFor={(segmentId) => withParams({ [SEGMENT_PARAM]: segmentId })}
      />
      <PeriodControls period={period} timeZone={timeZone} hrefFor={withParams} allowCompare />
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
          Counting {describeRange(period.range)}…
        </p>
      )}
      {overview.isError && <ErrorNotice error={overview.error} onRetry={() => void overview.refetch()} />}
      {previous.isError && <ErrorNotice error={previous.error} onRetry={() => void previous.refetch()} />}
      {overview.data && (
        <>
          <p class="help period-summary">
            {describeRange(period.range)}
            {period.previous && `, compared with ${describeRange(period.previous)}`}
          </p>
          <OverviewFigures
            overview={overview.data}
            previous={period.previous && previous.data}
            annotations={annotations}
          />
        </>
      )}
    </>
  );
}
