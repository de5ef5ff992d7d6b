import type { DashboardWithTiles } from '../api/types.js';
import { ErrorNotice } from '../components/ErrorNotice.js';
import { moveTile } from './moveTile.js';
import { useUpdateDashboard } from './useUpdateDashboard.js';

/** A tile's editing buttons: move it earlier or later, take it off the dashboard (the insight stays saved). */
export function TileControls({ dashboard, index }: { dashboard: DashboardWithTiles; index: number }) {
  const update = useUpdateDashboard();
  const name = dashboard.tiles[index]?.name ?? '';
  const setTiles = (insightIds: string[]) =>
    update.mutate({ projectId: dashboard.projectId, dashboardId: dashboard.dashboardId, insightIds });
  const ids = dashboard.tiles.map((tile) => tile.insightId);
  return (
    <div class="tile-controls no-print">
      <button
        type="button"
        class="button-secondary button-small"
        disabled={update.isPending || index === 0}
        onClick={() => setTiles(moveTile(ids, index, -1))}
      >
        Earlier<span class="visually-hidden"> {name}</span>
      </button>
      <button
        type="button"
        class="button-secondary button-small"
        disabled={update.isPending || index === ids.length - 1}
        onClick={() => setTiles(moveTile(ids, index, 1))}
      >
        Later<span class="visually-hidden"> {name}</span>
      </button>
      <button
        type="button"
        class="button-secondary button-small"
        disabled={update.isPending}
        onClick={() => setTiles(ids.filter((_, i) => i !== index))}
      >
        Remove<span class="visually-hidden"> {name}</span>
      </button>
      {update.isError && <ErrorNotice error={update.error} />}
    </div>
  );
}
