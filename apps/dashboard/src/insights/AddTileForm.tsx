import { useQuery } from '@tanstack/react-query';
import { useState } from 'preact/hooks';
import { useTRPC } from '../api/trpc.js';
import type { DashboardWithTiles } from '../api/types.js';
import { ErrorNotice } from '../components/ErrorNotice.js';
import { createProjectHash } from '../routing/resolveRoute.js';
import { INSIGHTS_PATH } from './insightPaths.js';
import { useUpdateDashboard } from './useUpdateDashboard.js';

/** "Add a tile": one of the project's saved insights not on this dashboard yet, at the end. */
export function AddTileForm({ dashboard }: { dashboard: DashboardWithTiles }) {
  const trpc = useTRPC();
  const insights = useQuery(trpc.insights.list.queryOptions({ projectId: dashboard.projectId }));
  const update = useUpdateDashboard();
  const [chosen, setChosen] = useState('');
  const onBoard = new Set(dashboard.tiles.map((tile) => tile.insightId));
  const candidates = (insights.data ?? []).filter((insight) => !onBoard.has(insight.insightId));

  if (insights.isSuccess && candidates.length === 0) {
    return (
      <p class="help no-print">
        Every saved insight is on this dashboard. Save more from any page with “Save as insight”, or see{' '}
        <a href={createProjectHash(dashboard.projectId, INSIGHTS_PATH)}>Insights</a>.
      </p>
    );
  }
  const onSubmit = (event: Event) => {
    event.preventDefault();
    const insightId = chosen || candidates[0]?.insightId;
    if (insightId === undefined) return;
    update.mutate(
      {
        projectId: dashboard.projectId,
        dashboardId: dashboard.dashboardId,
        insightIds: [...dashboard.tiles.map((tile) => tile.insightId), insightId],
      },
      { onSuccess: () => setChosen('') },
    );
  };
  return (
    <form class="inline-form no-print" onSubmit={onSubmit} aria-label="Add a tile">
      <div class="field">
        <label for="add-tile">Add a saved insight</label>
        <select id="add-tile" value={chosen} onChange={(e) => setChosen(e.currentTarget.value)}>
          {candidates.map((insight) => (
            <option key={insight.insightId} value={insight.insightId}>
              {insight.name}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" disabled={update.isPending || candidates.length === 0}>
        Add tile
      </button>
      {update.isError && <ErrorNotice error={update.error} />}
    </form>
  );
}
