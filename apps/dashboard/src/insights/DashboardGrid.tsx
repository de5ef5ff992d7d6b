import type { Annotation, DashboardWithTiles } from '../api/types.js';
import { InsightTile } from './InsightTile.js';
import { TileControls } from './TileControls.js';

export interface DashboardGridProps {
  dashboard: DashboardWithTiles;
  annotations: readonly Annotation[];
  /** When the figures were last refreshed: every tile's range ends that day. */
  now: number;
  /** Editors get move and remove buttons on each tile. */
  editable?: boolean;
}

/** A dashboard's tiles in order, each the figures of a saved insight. */
export function DashboardGrid({ dashboard, annotations, now, editable = false }: DashboardGridProps) {
  if (dashboard.tiles.length === 0) {
    return <p class="notice">This dashboard has no tile yet.</p>;
  }
  return (
    <ol class="dashboard-grid" aria-label={`Tiles of ${dashboard.name}`}>
      {dashboard.tiles.map((insight, index) => (
        <InsightTile
          key={insight.insightId}
          projectId={dashboard.projectId}
          insight={insight}
          annotations={annotations}
          now={now}
        >
          {editable && <TileControls dashboard={dashboard} index={index} />}
        </InsightTile>
      ))}
    </ol>
  );
}
