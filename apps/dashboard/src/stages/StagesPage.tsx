import { useQuery } from '@tanstack/react-query';
import { useState } from 'preact/hooks';
import { can } from '../access/can.js';
import { useTRPC } from '../api/trpc.js';
import { ErrorNotice } from '../components/ErrorNotice.js';
import { RangePicker } from '../components/RangePicker.js';
import { getStagesQuery, parseStagesDays } from './getStagesQuery.js';
import type { PageProps } from '../pages.js';
import { createProjectHash } from '../routing/resolveRoute.js';
import { ShareButton } from '../share/ShareButton.js';
import { JourneyMapEditor } from './JourneyMapEditor.js';
import { StagesFigures } from './StagesFigures.js';

/** The page path of the journey map. */
export const STAGES_PATH = 'journey-map';

/**
 * The journey map: the project's stages in order with their persons and the conversion
 * between them, each touchpoint's volume, exit rate and NPS, and the pain points. Owners
 * and analysts edit the map here; viewers only read it. `?days=` limits it to recent
 * touchpoints.
 */
export function StagesPage({ project, params }: PageProps) {
  const trpc = useTRPC();
  const [isEditing, setEditing] = useState(false);
  const mayEdit = can(project.role, 'editJourneyMap');
  const days = parseStagesDays(params);
  const range = getStagesQuery(params, Date.now());
  const query = useQuery(trpc.journeys.stages.queryOptions({ projectId: project.projectId, ...range }));

  return (
    <>
      <div class="page-head">
        <h1>Journey map</h1>
        <RangePicker
          value={days}
          allowAllTime
          hrefFor={(next) =>
            createProjectHash(
              project.projectId,
              STAGES_PATH,
              next === undefined ? {} : { days: String(next) },
            )
          }
        />
        {mayEdit && !isEditing && (
          <button type="button" class="button-secondary" onClick={() => setEditing(true)}>
            Edit the map
          </button>
        )}
        {can(project.role, 'share') && (
          <ShareButton
            projectId={project.projectId}
            view="journeyMap"
            params={days === undefined ? {} : { days: String(days) }}
            query={range}
          />
        )}
      </div>
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
