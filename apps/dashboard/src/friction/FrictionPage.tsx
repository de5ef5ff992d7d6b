import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../api/trpc.js';
import { ErrorNotice } from '../components/ErrorNotice.js';
import { PeriodControls } from '../components/PeriodControls.js';
import { TouchpointPicker } from '../components/TouchpointPicker.js';
import { getFrictionQuery } from './getFrictionQuery.js';
import type { PageProps } from '../pages.js';
import { createChangedHash } from '../routing/resolveRoute.js';
import { FrictionFigures } from './FrictionFigures.js';
import { FRICTION_PATH } from './frictionPath.js';
import { describeRange } from '../time/describeRange.js';
import { usePagePeriod } from '../time/usePagePeriod.js';

/**
 * Friction over the last 7 to 90 days (`?days=`) or custom dates (`?from=&to=`, days of
 * the project's zone): loops, repeated contacts of a
 * support touchpoint (`?support=`) and waits above their transition's 90th percentile,
 * each with the persons affected and links to their timelines.
 */
export function FrictionPage({ project, params }: PageProps) {
  const trpc = useTRPC();
  const { ready, timeZone, period } = usePagePeriod(project.projectId, params);
  const support = params['support']?.trim() || undefined;
  const query = getFrictionQuery(params, { now: Date.now(), timeZone });
  const friction = useQuery({
    ...trpc.journeys.friction.queryOptions({ projectId: project.projectId, ...query }),
    enabled: ready,
  });
  const withParams = (changes: Record<string, string | undefined>) =>
    createChangedHash({ projectId: project.projectId, path: FRICTION_PATH, params }, changes);

  return (
    <>
      <div class="page-head">
        <h1>Friction</h1>
      </div>
      <PeriodControls period={period} timeZone={timeZone} hrefFor={withParams} />
      <TouchpointPicker
        projectId={project.projectId}
        id="support-name"
        label="Support touchpoint"
        placeholder="none"
        help="Repeated contacts: this touchpoint twice or more within 7 days."
        value={support}
        onChange={(name) => {
          location.hash = withParams({ support: name });
        }}
      />
      {friction.isPending && (
        <p class="notice" role="status">
          Looking for friction over {describeRange(period.range)}…
        </p>
      )}
      {friction.isError && <ErrorNotice error={friction.error} onRetry={() => void friction.refetch()} />}
      {friction.data && <FrictionFigures projectId={project.projectId} friction={friction.data} />}
    </>
  );
}
