import type { SharedView } from '../api/types.js';
import { FunnelChart } from '../funnel/FunnelChart.js';
import { parseFunnelDefinition } from '../funnel/parseFunnelDefinition.js';
import { OverviewFigures } from '../overview/OverviewFigures.js';
import { PathsFigures } from '../paths/PathsFigures.js';
import { lazy, Suspense } from 'preact/compat';
import { describeSharedView } from './describeSharedView.js';

/** A shared journey map's figures, from the Journey map chunk (not the first load). */
const StagesFigures = lazy(() =>
  import('../stages/stagesPages.js').then((pages) => ({ default: pages.StagesFigures })),
);

/**
 * A shared view's figures, drawn with the same components as the app's pages, minus
 * everything that leads to persons: the funnel's drop-offs are plain numbers, not
 * links to who dropped off.
 */
export function SharedFigures({ shared }: { shared: SharedView }) {
  return (
    <>
      <p>{describeSharedView(shared.view, shared.params)}</p>
      {shared.view === 'overview' && <OverviewFigures overview={shared.data} />}
      {shared.view === 'funnel' && (
        <section class="card" aria-label="Funnel result">
          <FunnelChart result={shared.data} steps={parseFunnelDefinition(shared.params).steps} />
        </section>
      )}
      {shared.view === 'paths' && <PathsFigures paths={shared.data} />}
      {shared.view === 'journeyMap' && (
        <Suspense
          fallback={
            <p class="notice" role="status">
              Loading the journey map…
            </p>
          }
        >
          <StagesFigures stages={shared.data} />
        </Suspense>
      )}
    </>
  );
}
