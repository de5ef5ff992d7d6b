import { useQuery } from '@tanstack/react-query';
import { useState } from 'preact/hooks';
import { useTRPC } from '../api/trpc.js';
import type { Insight } from '../api/types.js';
import { ErrorNotice } from '../components/ErrorNotice.js';
import { useUpdateDashboard } from './useUpdateDashboard.js';

/** Puts an insight on a dashboard it is not on yet, as its last tile. */
export function AddToDashboard({ insight }: { insight: Insight }) {
  const trpc = useTRPC();
  const dashboards = useQuery(trpc.dashboards.list.queryOptions({ projectId: insight.projectId }));
  const update = useUpdateDashboard();
  const [chosen, setChosen] = useState('');
  const candidates = (dashboards.data ?? []).filter((d) => !d.insightIds.includes(insight.insightId));
  if (candidates.length === 0) return null;
  const selectId = `add-${insight.insightId}-to`;
  const target = candidates.find((d) => d.dashboardId === chosen) ?? candidates[0]!;
  return (
    <form
      class="add-to-dashboard"
      aria-label={`Put ${insight.name} on a dashboard`}
      onSubmit={(event) => {
        event.preventDefault();
        update.mutate({
          projectId: insight.projectId,
          dashboardId: target.dashboardId,
          insightIds: [...target.insightIds, insight.insightId],
        });
      }}
    >
      <label for={selectId} class="visually-hidden">
        Dashboard for {insight.name}
      </label>
      <select id={selectId} value={target.dashboardId} onChange={(e) => setChosen(e.currentTarget.value)}>
        {candidates.map((d) => (
          <option key={d.dashboardId} value={d.dashboardId}>
            {d.name}
          </option>
        ))}
      </select>
      <button type="submit" class="button-secondary button-small" disabled={update.isPending}>
        Add to dashboard
      </button>
      {update.isError && <ErrorNotice error={update.error} />}
    </form>
  );
}
