import { useQueries, useQuery } from '@tanstack/react-query';
import { can } from '../access/can.js';
import { useTRPC, useTRPCClient } from '../api/trpc.js';
import { DownloadCsvButton } from '../components/DownloadCsvButton.js';
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
import { PathPersonsList } from './PathPersonsList.js';
import { PathsFigures } from './PathsFigures.js';
import { PathsForm } from './PathsForm.js';
import { PATHS_PATH } from './pathsPath.js';
import { createPathsParams } from './parsePathsQuery.js';
import {
  createPathsViewParams,
  createSelectionParams,
  getPathsSides,
  parsePathSelection,
  type PathSelection,
} from './parsePathsView.js';

/**
 * Paths: the most common sequences of touchpoints, as a flow between steps (with where
 * people leave) and as a list; one flow, or two side by side; a bar or band of a flow
 * opens the list of its persons.
 */
export function PathsPage({ project, params }: PageProps) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const segment = toSegmentInput(params);
  // The flows (one, or two ranges side by side), each over the segment picked, if any.
  const sides = getPathsSides(params).map((side) => ({ ...side, query: { ...side.query, ...segment } }));
  const [main, compared] = sides;
  const viewParams = { ...createPathsViewParams(main!.query, compared?.query), ...keepSegmentParams(params) };
  const hrefFor = (side: number) => (selection: Omit<PathSelection, 'side'>) =>
    createProjectHash(project.projectId, PATHS_PATH, {
      ...viewParams,
      ...createSelectionParams({ side, ...selection }),
    });
  const queries = useQueries({
    queries: sides.map((side) =>
      trpc.journeys.paths.queryOptions({ projectId: project.projectId, ...side.query }),
    ),
  });
  const selection = parsePathSelection(params, sides.length);
  const selected = selection && sides[selection.side];
  // A second segment's top paths beside the first's (`?compare=`).
  const compareInput = params[COMPARE_PARAM]
    ? { projectId: project.projectId, ...main!.query, ...toSegmentInput(params, COMPARE_PARAM) }
    : undefined;
  const comparedSegment = useQuery({
    ...trpc.journeys.paths.queryOptions(compareInput ?? { projectId: project.projectId, ...main!.query }),
    enabled: compareInput !== undefined,
  });
  const nameOf = useSegmentNames(project.projectId, params);

  return (
    <>
      <div class="page-head">
        <h1>Paths</h1>
        {can(project.role, 'share') && (
          <ShareButton
            projectId={project.projectId}
            view="paths"
            params={{ ...createPathsParams(main!.query), ...keepSegmentParams(params) }}
            query={{ ...main!.query }}
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
        key={JSON.stringify(viewParams)}
        projectId={project.projectId}
        query={main!.query}
        compared={compared?.query}
        onSubmit={(next, versus) => {
          location.hash = createProjectHash(project.projectId, PATHS_PATH, {
            ...createPathsViewParams(next, versus),
            ...keepSegmentParams(params),
          });
        }}
      />
      <div class={sides.length > 1 ? 'paths-sides' : undefined}>
        {sides.map((side, index) => {
          const query = queries[index]!;
          const idPrefix = `paths-${index}`;
          return (
            <section key={index} aria-labelledby={`${idPrefix}-range`}>
              <h2 id={`${idPrefix}-range`} class={sides.length > 1 ? 'paths-side-title' : 'visually-hidden'}>
                {side.label}
              </h2>
              {query.isPending && (
                <p class="notice" role="status">
                  Following every person’s path…
                </p>
              )}
              {query.isError && <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />}
              {query.data && (
                <DownloadCsvButton
                  what={sides.length > 1 ? `paths, ${side.label}` : 'paths'}
                  fetchCsv={() =>
                    client.exports.pathsCsv.query({ projectId: project.projectId, ...side.query })
                  }
                />
              )}
              {query.data && (
                <PathsFigures
                  paths={query.data}
                  hrefFor={hrefFor(index)}
                  idPrefix={idPrefix}
                  label={sides.length > 1 ? side.label : undefined}
                />
              )}
            </section>
          );
        })}
      </div>
      {selection && selected && (
        <PathPersonsList
          key={JSON.stringify(selection)}
          input={{
            projectId: project.projectId,
            ...selected.query,
            at: selection.at,
            name: selection.name,
            ...(selection.next !== undefined && { next: selection.next }),
          }}
          closeHref={createProjectHash(project.projectId, PATHS_PATH, viewParams)}
        />
      )}
      {comparedSegment.isError && (
        <ErrorNotice error={comparedSegment.error} onRetry={() => void comparedSegment.refetch()} />
      )}
      {queries[0]?.data && compareInput !== undefined && comparedSegment.data && (
        <ComparedPaths
          labels={[nameOf(SEGMENT_PARAM), nameOf(COMPARE_PARAM)]}
          results={[queries[0].data, comparedSegment.data]}
        />
      )}
    </>
  );
}
