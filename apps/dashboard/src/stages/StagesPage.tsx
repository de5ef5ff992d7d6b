import { useQuery } from '@tanstack/react-query';
import { useState } from 'preact/hooks';
import { can } from '../access/can.js';
import { useTRPC } from '../api/trpc.js';
import { ErrorNotice } from '../components/ErrorNotice.js';
import { PeriodControls } from '../components/PeriodControls.js';
import { RANGE_DAYS } from '../overview/getDayRange.js';
import type { PageProps } from '../pages.js';
import { createChangedHash } from '../routing/resolveRoute.js';
import { usePagePeriod } from '../time/usePagePeriod.js';
import { STAGES_PATH } from './stagesPath.js';
import { ShareButton } from '../share/ShareButton.js';
import { JourneyMapEditor } from './JourneyMapEditor.js';
import { StagesFigures } from './StagesFigures.js';

export { STAGES_PATH } from './stagesPath.js';

/**
 * The journey map: the project's stages in order with their persons and the conversion
 * between them, each touchpoint's volume, exit rate and NPS, and the pain points. Owners
 * and analysts edit the map here; viewers only read it. `?days=` or custom dates
 * (`?from=&to=`, days of the project's zone) limit it to those touchpoints.
 */
export function StagesPage({ project, params }: PageProps) {
  const trpc = useTRPC();
  const [isEditing, setEditing] = useState(false);
  const mayEdit = can(project.role, 'editJourneyMap');
  const { ready, timeZone, period, bounds } = usePagePeriod(project.projectId, params);
  const allTime =
    period.custom === undefined && !(RANGE_DAYS as readonly number[]).includes(Number(params['days']));
  const range = allTime ? {} : bounds;
  const query = useQuery({
    ...trpc.journeys.stages.queryOptions({ projectId: project.projectId, ...range }),
    enabled: ready,
  });
  const shareParams: Record<string, string> = allTime
    ? {}
    : period.custom !== undefined
      ? { ...period.custom }
      : { days: String(period.days) };

  return (
    <>
      <div class="page-head">
        <h1>Journey map</h1>
        {mayEdit && !isEditing && (
          <button type="button" class="button-secondary" onClick={() => setEditing(true)}>
            Edit the map
          </button>
        )}
        {can(project.role, 'share') && (
          <ShareButton projectId={project.projectId} view="journeyMap" params={shareParams} query={range} />
        )}
      </div>
      <PeriodControls
        period={period}
        timeZone={timeZone}
        allTime={allTime}
        hrefFor={(changes) =>
          createChangedHash({ projectId: project.projectId, path: STAGES_PATH, params }, changes)
        }
      />
      {mayEdit && isEditing && (
        <JourneyMapEditor projectId={project.projectId} onDone={() => setEditing(false)} />
      )}
      {query.isPending && (
        <p class="notice" role="status">
          Mapping the journeys…
        </p>
      )}
      {query.isError && <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />}
      {query.data && !isEditing && <StagesFigures stages={query.data} />}
    </>
  );
}
