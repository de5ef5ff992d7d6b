import type { Paths } from '../api/types.js';
import { PathList } from './PathList.js';
import { PathSankey } from './PathSankey.js';
import { countPersonsOnPaths } from './parsePathsQuery.js';

/** The paths' figures: the Sankey of the flow and the top paths. Also what a shared paths view shows. */
export function PathsFigures({ paths }: { paths: Paths }) {
  return (
    <>
      <PathSankey links={paths.links} />
      <section class="card" aria-labelledby="top-paths-heading">
        <h2 id="top-paths-heading">Top {paths.paths.length} paths</h2>
        <PathList paths={paths.paths} total={countPersonsOnPaths(paths)} />
      </section>
    </>
  );
}
