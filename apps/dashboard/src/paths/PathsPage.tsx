import { useQuery } from '@tanstack/react-query';
import { can } from '../access/can.js';
import { useTRPC } from '../api/trpc.js';
import { ErrorNotice } from '../components/ErrorNotice.js';
import type { PageProps } from '../pages.js';
import { createChangedHash, createProjectHash } from '../routing/resolveRoute.js';
import { SegmentPairPicker } from '../segments/SegmentPairPicker.js';
import { useSegmentNames } from '../segments/useSegmentNames.js';
import { ComparedPaths } from './ComparedPaths.js';
import {
  COMPARE_PARAM,
  keepSegmentParams,
  SEGMENT_PARAM,
  toSegmentInput,
} from '../segments/segmentParams.js';
import { ShareButton } from '../share/ShareButton.js';
import { PathsFigures } from './PathsFigures.js';
import { PathsForm } from './PathsForm.js';
import { createPathsParams, parsePathsQuery } from './parsePathsQuery.js';

/** The page path of paths. */
export const PATHS_PATH = 'paths';

/** Paths: the most common sequences of touchpoints, as a list and as a flow between steps. */
export function PathsPage({ project, params }: PageProps) {
  const trpc = useTRPC();
  const pathsQuery = parsePathsQuery(params);
  const segment = toSegmentInput(params);
  const query = useQuery(
    trpc.journeys.paths.queryOptions({ projectId: project.projectId, ...pathsQuery, ...segment }),
  );
  const compareInput = params[COMPARE_PARAM]
    ? { projectId: project.projectId, ...pathsQuery, ...toSegmentInput(params, COMPARE_PARAM) }
    : undefined;
  const compared = useQuery({
    ...trpc.journeys.paths.queryOptions(compareInput ?? { projectId: project.projectId, ...pathsQuery }),
    enabled: compareInput !== undefined,
  });
  const nameOf = useSegmentNames(project.projectId, params);
  const formKey = JSON.stringify(pathsQuery);

  return (
    <>
      <div class="page-head">
        <h1>Paths</h1>
        {can(project.role, 'share') && (
          <ShareButton
            projectId={project.projectId}
            view="paths"
            params={{ ...createPathsParams(pathsQuery), ...keepSegmentParams(params) }}
            query={{ ...pathsQuery, ...segment }}
          />
        )}
      </div>
      <SegmentPairPicker
        idPrefix="paths"
        projectId={project.projectId}
        segment={params[SEGMENT_PARAM]}
        compare={params[COMPARE_PARAM]}
        hrefFor={(changes) =>
          createChangedHash({ projectId: project.projectId, path: PATHS_PATH, params }, changes)
        }
      />
      <PathsForm
        key={formKey}
        projectId={project.projectId}
        query={pathsQuery}
        onSubmit={(next) => {
          location.hash = createProjectHash(project.projectId, PATHS_PATH, {
            ...createPathsParams(next),
            ...keepSegmentParams(params),
          });
        }}
      />
      {query.isPending && (
        <p class="notice" role="status">
          Following every person’s path…
        </p>
      )}
      {query.isError && <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />}
      {compared.isError && <ErrorNotice error={compared.error} onRetry={() => void compared.refetch()} />}
      {query.data && compareInput !== undefined && compared.data && (
        <ComparedPaths
          labels={[nameOf(SEGMENT_PARAM), nameOf(COMPARE_PARAM)]}
          results={[query.data, compared.data]}
        />
      )}
      {query.data && <PathsFigures paths={query.data} />}
    </>
  );
}
