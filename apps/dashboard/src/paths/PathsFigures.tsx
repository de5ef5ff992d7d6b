import type { Paths } from '../api/types.js';
import { PathList } from './PathList.js';
import { PathSankey, type SelectionHref } from './PathSankey.js';
import { countPersonsOnPaths } from './parsePathsQuery.js';

export interface PathsFiguresProps {
  paths: Paths;
  /** Links each bar and band to its persons; a shared view has none. */
  hrefFor?: SelectionHref | undefined;
  /** Keeps ids unique when two flows are on the page. Default `paths`. */
  idPrefix?: string;
  /** Names the flow (e.g. its date range) when two are compared. */
  label?: string;
}

/** The paths' figures: the Sankey of the flow and the top paths. Also what a shared paths view shows. */
export function PathsFigures({ paths, hrefFor, idPrefix = 'paths', label }: PathsFiguresProps) {
  const headingId = `${idPrefix}-top-heading`;
  return (
    <>
      <PathSankey
        paths={paths}
        hrefFor={hrefFor}
        label={label ? `Flow between steps, ${label}` : undefined}
      />
      <section class="card" aria-labelledby={headingId}>
        <h2 id={headingId}>Top {paths.paths.length} paths</h2>
        <PathList paths={paths.paths} total={countPersonsOnPaths(paths)} />
      </section>
    </>
  );
}
