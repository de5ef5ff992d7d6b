import { useQuery } from '@tanstack/react-query';
import { useState } from 'preact/hooks';
import { useTRPC } from '../api/trpc.js';
import { ErrorNotice } from '../components/ErrorNotice.js';
import { RangePicker } from '../components/RangePicker.js';
import { getDayRange, RANGE_DAYS, type RangeDays } from '../overview/getDayRange.js';
import type { PageProps } from '../pages.js';
import { createHash } from '../routing/parseHash.js';
import { JourneyMapEditor } from './JourneyMapEditor.js';
import { PainPoints } from './PainPoints.js';
import { StageColumns } from './StageColumns.js';

/** The page path of the journey map. */
export const STAGES_PATH = 'journey-map';

/**
 * The journey map: the project's stages in order with their persons and the conversion
 * between them, each touchpoint's volume, exit rate and NPS, and the pain points. The
 * map itself is edited here. `?days=` limits it to recent touchpoints.
 */
export function StagesPage({ project, params }: PageProps) {
  const trpc = useTRPC();
  const [isEditing, setEditing] = useState(false);
  const days = (RANGE_DAYS as readonly number[]).includes(Number(params['days']))
    ? (Number(params['days']) as RangeDays)
    : undefined;
  const query = useQuery(
    trpc.journeys.stages.queryOptions({
      projectId: project.projectId,
      ...(days === undefined ? {} : getDayRange(days, Date.now())),
    }),
  );

  return (
    <>
      <div class="page-head">
        <h1>Journey map</h1>
        <RangePicker
          value={days}
          allowAllTime
          hrefFor={(next) => createHash(STAGES_PATH, next === undefined ? {} : { days: String(next) })}
        />
        {!isEditing && (
          <button type="button" class="button-secondary" onClick={() => setEditing(true)}>
            Edit the map
          </button>
        )}
      </div>
      {isEditing && <JourneyMapEditor projectId={project.projectId} onDone={() => setEditing(false)} />}
      {query.isPending && (
        <p class="notice" role="status">
          Mapping the journeys…
        </p>
      )}
      {query.isError && <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />}
      {query.data && !isEditing && (
        <>
          <PainPoints painPoints={query.data.painPoints} />
          <StageColumns stages={query.data.stages} painPoints={query.data.painPoints} />
        </>
      )}
    </>
  );
}
