import { useQuery } from '@tanstack/react-query';
import { can } from '../access/can.js';
import { useTRPC, useTRPCClient } from '../api/trpc.js';
import { DownloadCsvButton } from '../components/DownloadCsvButton.js';
import { ErrorNotice } from '../components/ErrorNotice.js';
import type { PageProps } from '../pages.js';
import { createProjectHash } from '../routing/resolveRoute.js';
import { ShareButton } from '../share/ShareButton.js';
import { PathsFigures } from './PathsFigures.js';
import { PathsForm } from './PathsForm.js';
import { createPathsParams, parsePathsQuery } from './parsePathsQuery.js';

/** The page path of paths. */
export const PATHS_PATH = 'paths';

/** Paths: the most common sequences of touchpoints, as a list and as a flow between steps. */
export function PathsPage({ project, params }: PageProps) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const pathsQuery = parsePathsQuery(params);
  const query = useQuery(trpc.journeys.paths.queryOptions({ projectId: project.projectId, ...pathsQuery }));
  const formKey = JSON.stringify(pathsQuery);

  return (
    <>
      <div class="page-head">
        <h1>Paths</h1>
        {can(project.role, 'share') && (
          <ShareButton
            projectId={project.projectId}
            view="paths"
            params={createPathsParams(pathsQuery)}
            query={{ ...pathsQuery }}
          />
        )}
      </div>
      <PathsForm
        key={formKey}
        projectId={project.projectId}
        query={pathsQuery}
        onSubmit={(next) => {
          location.hash = createProjectHash(project.projectId, PATHS_PATH, createPathsParams(next));
        }}
      />
      {query.isPending && (
        <p class="notice" role="status">
          Following every person’s path…
        </p>
      )}
      {query.isError && <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />}
      {query.data && (
        <DownloadCsvButton
          what="paths"
          fetchCsv={() => client.exports.pathsCsv.query({ projectId: project.projectId, ...pathsQuery })}
        />
      )}
      {query.data && <PathsFigures paths={query.data} />}
    </>
  );
}
