import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../api/trpc.js';
import { ErrorNotice } from '../components/ErrorNotice.js';
import type { PageProps } from '../pages.js';
import { createHash } from '../routing/parseHash.js';
import { PathList } from './PathList.js';
import { PathSankey } from './PathSankey.js';
import { PathsForm } from './PathsForm.js';
import { countPersonsOnPaths, createPathsParams, parsePathsQuery } from './parsePathsQuery.js';

/** The page path of paths. */
export const PATHS_PATH = 'paths';

/** Paths: the most common sequences of touchpoints, as a list and as a flow between steps. */
export function PathsPage({ project, params }: PageProps) {
  const trpc = useTRPC();
  const pathsQuery = parsePathsQuery(params);
  const query = useQuery(trpc.journeys.paths.queryOptions({ projectId: project.projectId, ...pathsQuery }));
  const formKey = JSON.stringify(pathsQuery);

  return (
    <>
      <h1>Paths</h1>
      <PathsForm
        key={formKey}
        projectId={project.projectId}
        query={pathsQuery}
        onSubmit={(next) => {
          location.hash = createHash(PATHS_PATH, createPathsParams(next));
        }}
      />
      {query.isPending && (
        <p class="notice" role="status">
          Following every person’s path…
        </p>
      )}
      {query.isError && <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />}
      {query.data && (
        <>
          <PathSankey links={query.data.links} />
          <section class="card" aria-labelledby="top-paths-heading">
            <h2 id="top-paths-heading">Top {query.data.paths.length} paths</h2>
            <PathList paths={query.data.paths} total={countPersonsOnPaths(query.data)} />
          </section>
        </>
      )}
    </>
  );
}
