import { STAGES_PATH } from './stagesPath.js';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'preact/hooks';
import { can } from '../access/can.js';
import { useTRPC } from '../api/trpc.js';
import { ErrorNotice } from '../components/ErrorNotice.js';
import { PeriodControls } from '../components/PeriodControls.js';
import { SegmentPairPicker } from '../segments/SegmentPairPicker.js';
import { useSegmentNames } from '../segments/useSegmentNames.js';
import { StagesComparison } from './StagesComparison.js';
import {
  COMPARE_PARAM,
  keepSegmentParams,
  SEGMENT_PARAM,
  toSegmentInput,
} from '../segments/segmentParams.js';
import { usePagePeriod } from '../time/usePagePeriod.js';
import { getStagesQuery, isAllTime } from './getStagesQuery.js';
import type { PageProps } from '../pages.js';
import { createChangedHash } from '../routing/resolveRoute.js';
import { ShareButton } from '../share/ShareButton.js';
import { JourneyMapEditor } from './JourneyMapEditor.js';
import { JourneyMapPicker } from './JourneyMapPicker.js';
import { MAP_PARAM } from './journeyMapParams.js';
import { StagesFigures } from './StagesFigures.js';

/**
 * The journey map: the project's stages in order with their persons and the conversion
 * between them, each touchpoint's volume, exit rate and NPS, and the pain points. Owners
 * and analysts edit the map here; viewers only read it. A project has several named
 * maps (`?map=`, default the main map). `?days=` or custom dates (`?from=&to=`, days of
 * the project's zone) limit it to those touchpoints.
 */
export function StagesPage({ project, params }: PageProps) {
  const trpc = useTRPC();
  const [isEditing, setEditing] = useState(false);
  const mayEdit = can(project.role, 'editJourneyMap');
  const { ready, timeZone, period } = usePagePeriod(project.projectId, params);
  const allTime = isAllTime(params, period);
  const range = getStagesQuery(params, { now: Date.now(), timeZone });
  const query = useQuery({
    ...trpc.journeys.stages.queryOptions({ projectId: project.projectId, ...range }),
    enabled: ready,
  });
  const compareInput = params[COMPARE_PARAM]
    ? { projectId: project.projectId, ...range, ...toSegmentInput(params, COMPARE_PARAM) }
    : undefined;
  const compared = useQuery({
    ...trpc.journeys.stages.queryOptions(compareInput ?? { projectId: project.projectId, ...range }),
    enabled: ready && compareInput !== undefined,
  });
  const nameOf = useSegmentNames(project.projectId, params);
  const mapId = params[MAP_PARAM] ?? 'main';
  const shareParams: Record<string, string> = {
    ...keepSegmentParams(params),
    ...(params[MAP_PARAM] ? { [MAP_PARAM]: params[MAP_PARAM] } : {}),
    ...(allTime ? {} : period.custom !== undefined ? { ...period.custom } : { days: String(period.days) }),
  };

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
      <JourneyMapPicker
        projectId={project.projectId}
        mapId={mapId}
        mayEdit={mayEdit}
        onPick={(next, options) => {
          setEditing(options?.edit === true);
          location.hash = createChangedHash(
            { projectId: project.projectId, path: STAGES_PATH, params },
            { [MAP_PARAM]: next },
          );
        }}
      />
      <PeriodControls
        period={period}
        timeZone={timeZone}
        allTime={allTime}
        hrefFor={(changes) =>
          createChangedHash({ projectId: project.projectId, path: STAGES_PATH, params }, changes)
        }
      />
      <SegmentPairPicker
        idPrefix="stages"
        projectId={project.projectId}
        segment={params[SEGMENT_PARAM]}
        compare={params[COMPARE_PARAM]}
        hrefFor={(changes) =>
          createChangedHash({ projectId: project.projectId, path: STAGES_PATH, params }, changes)
        }
      />
      {mayEdit && isEditing && (
        <JourneyMapEditor
          key={mapId}
          projectId={project.projectId}
          mapId={mapId}
          onDone={() => setEditing(false)}
        />
      )}
      {query.isPending && (
        <p class="notice" role="status">
          Mapping the journeys…
        </p>
      )}
      {query.isError && <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />}
      {compared.isError && <ErrorNotice error={compared.error} onRetry={() => void compared.refetch()} />}
      {query.data && compareInput !== undefined && compared.data && !isEditing && (
        <StagesComparison
          labels={[nameOf(SEGMENT_PARAM), nameOf(COMPARE_PARAM)]}
          results={[query.data, compared.data]}
        />
      )}
      {query.data && !isEditing && <StagesFigures stages={query.data} />}
    </>
  );
}
