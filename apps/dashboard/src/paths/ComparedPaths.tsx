import type { Paths } from '../api/types.js';
import { PathList } from './PathList.js';
import { PathSankey } from './PathSankey.js';
import { countPersonsOnPaths } from './parsePathsQuery.js';

export interface ComparedPathsProps {
  /** The two segments' names, in the order of `results`. */
  labels: [string, string];
  results: [Paths, Paths];
}

/** Two segments' flows and top paths side by side (one under the other on a phone). */
export function ComparedPaths({ labels, results }: ComparedPathsProps) {
  return (
    <div class="funnel-figures">
      {results.map((paths, k) => (
        <section key={k} class="compared-side" aria-labelledby={`compared-paths-${k}`}>
          <PathSankey paths={paths} title={`Flow: ${labels[k]}`} label={`Flow between steps: ${labels[k]}`} />
          <div class="card">
            <h2 id={`compared-paths-${k}`}>Top paths: {labels[k]}</h2>
            <PathList paths={paths.paths} total={countPersonsOnPaths(paths)} />
          </div>
        </section>
      ))}
    </div>
  );
}
