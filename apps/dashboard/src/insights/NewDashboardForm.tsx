import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'preact/hooks';
import { useTRPC } from '../api/trpc.js';
import { ErrorNotice } from '../components/ErrorNotice.js';
import { createProjectHash } from '../routing/resolveRoute.js';
import { DASHBOARDS_PATH } from './insightPaths.js';
import { refetchAfterWrite } from '../api/refetchAfterWrite.js';

/** "New dashboard": an empty one, opened once made. */
export function NewDashboardForm({ projectId }: { projectId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const create = useMutation(
    trpc.dashboards.create.mutationOptions({
      onSuccess: (dashboard) => {
        void refetchAfterWrite(queryClient, trpc.dashboards.list.pathFilter());
        setName('');
        location.hash = createProjectHash(projectId, DASHBOARDS_PATH, { id: dashboard.dashboardId });
      },
    }),
  );
  return (
    <form
      class="inline-form no-print"
      aria-label="New dashboard"
      onSubmit={(event) => {
        event.preventDefault();
        create.mutate({ projectId, name });
      }}
    >
      <div class="field">
        <label for="new-dashboard-name">New dashboard</label>
        <input
          id="new-dashboard-name"
          required
          maxLength={120}
          value={name}
          onInput={(e) => setName(e.currentTarget.value)}
        />
      </div>
      <button type="submit" class="button-secondary" disabled={create.isPending}>
        Create
      </button>
      {create.isError && <ErrorNotice error={create.error} />}
    </form>
  );
}
