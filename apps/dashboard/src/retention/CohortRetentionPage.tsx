import { useQuery } from '@tanstack/react-query';
import { ChartAnnotations } from '../annotations/ChartAnnotations.js';
import { findAnnotationsIn } from '../annotations/findAnnotationsIn.js';
import { useAnnotations } from '../annotations/useAnnotations.js';
import { useTRPC } from '../api/trpc.js';
import { ErrorNotice } from '../components/ErrorNotice.js';
import type { PageProps } from '../pages.js';
import { createChangedHash } from '../routing/resolveRoute.js';
import { CohortTable } from './CohortTable.js';
import { getRetentionQuery } from './getRetentionQuery.js';
import { getWeekRange, parseRangeWeeks, RANGE_WEEKS } from './getWeekRange.js';
import { useProjectTimeZone } from '../api/useProjectTimeZone.js';
import { CustomRangeForm } from '../components/CustomRangeForm.js';
import { parseDayRange } from '../time/dayRange.js';
import { describeRange } from '../time/describeRange.js';
import { toCustomRangeParams, toPresetParams } from '../time/getPageRange.js';
import { RetentionCurve } from './RetentionCurve.js';
import { COHORTS_PATH } from './retentionPath.js';
import { ReturningPicker } from './ReturningPicker.js';

/**
 * Retention: persons by the week of their first touchpoint, and the share back each
 * week after (any touchpoint, or `?returning=` a chosen one), as a table and a curve,
 * over the last `?weeks=` 4 to 26 weeks (8 by default) or custom dates (`?from=&to=`), weeks
 * and days of the project's zone.
 */
export function CohortRetentionPage({ project, params }: PageProps) {
  const trpc = useTRPC();
  const weeks = parseRangeWeeks(params['weeks']);
  const returning = params['returning']?.trim() || undefined;
  const known = useProjectTimeZone(project.projectId);
  const timeZone = known ?? 'UTC';
  const custom = parseDayRange(params);
  const clock = { now: Date.now(), timeZone };
  const range = custom ?? getWeekRange(weeks, clock);
  const query = getRetentionQuery(params, clock);
  // The curve counts weeks since each cohort's first: the annotations of its whole range go under it.
  const annotations = findAnnotationsIn(useAnnotations(project.projectId), range.from, range.to);
  const retention = useQuery({
    ...trpc.journeys.retention.queryOptions({ projectId: project.projectId, ...query }),
    enabled: known !== undefined,
  });

  const withParams = (changes: Record<string, string | undefined>) =>
    createChangedHash({ projectId: project.projectId, path: COHORTS_PATH, params }, changes);

  return (
    <>
      <div class="page-head">
        <h1>Retention</h1>
        <ul class="segmented" aria-label="Cohort weeks">
          {RANGE_WEEKS.map((option) => (
            <li key={option}>
              <a
                href={withParams({ weeks: String(option), ...toPresetParams(undefined) })}
                aria-current={custom === undefined && option === weeks ? 'true' : undefined}
              >
                {option} weeks
              </a>
            </li>
          ))}
        </ul>
      </div>
      <div class="period-controls">
        <CustomRangeForm
          key={`${range.from}/${range.to}`}
          value={range}
          timeZone={timeZone}
          onApply={(next) => {
            location.hash = withParams(toCustomRangeParams(next));
          }}
        />
      </div>
      <ReturningPicker
        projectId={project.projectId}
        value={returning}
        onChange={(name) => {
          location.hash = withParams({ returning: name });
        }}
      />
      {retention.isPending && (
        <p class="notice" role="status">
          Counting the cohorts of {describeRange(range)}…
        </p>
      )}
      {retention.isError && <ErrorNotice error={retention.error} onRetry={() => void retention.refetch()} />}
      {retention.data && (
        <>
          <RetentionCurve curve={retention.data.curve} />
          <ChartAnnotations annotations={annotations} />
          <section class="card" aria-labelledby="cohorts-heading">
            <h2 id="cohorts-heading">Cohorts</h2>
            <CohortTable cohorts={retention.data.cohorts} />
          </section>
        </>
      )}
    </>
  );
}
