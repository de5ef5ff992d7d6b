import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'preact/hooks';
import { can } from '../access/can.js';
import { useAnnotations } from '../annotations/useAnnotations.js';
import { useTRPC } from '../api/trpc.js';
import { useProjectTimeZone } from '../api/useProjectTimeZone.js';
import { DashboardReportButton } from '../reports/ReportButton.js';
import { ReportSchedules } from '../reports/ReportSchedules.js';
import { getLastDays, toRangeBounds } from '../time/dayRange.js';
import { ConfirmButton } from '../components/ConfirmButton.js';
import { ErrorNotice } from '../components/ErrorNotice.js';
import type { PageProps } from '../pages.js';
import { createProjectHash } from '../routing/resolveRoute.js';
import { AddTileForm } from './AddTileForm.js';
import { DashboardGrid } from './DashboardGrid.js';
import { createDashboardPrintPath, DASHBOARDS_PATH } from './insightPaths.js';
import { NewDashboardForm } from './NewDashboardForm.js';
import { refetchAfterWrite } from '../api/refetchAfterWrite.js';

/**
 * A dashboard: its saved insights as tiles that refresh together. `?id=` names one;
 * without, the project's default dashboard, its home page. Analysts and owners add,
 * reorder and remove tiles, and make new dashboards.
 */
export function DashboardPage({ project, params }: PageProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { projectId } = project;
  const id = params['id']?.trim() || undefined;
  const [now, setNow] = useState(Date.now);
  const timeZone = useProjectTimeZone(projectId);
  const dashboard = useQuery(
    id === undefined
      ? trpc.dashboards.home.queryOptions({ projectId })
      : trpc.dashboards.get.queryOptions({ projectId, dashboardId: id }),
  );
  const list = useQuery(trpc.dashboards.list.queryOptions({ projectId }));
  const annotations = useAnnotations(projectId);
  const mayEdit = can(project.role, 'editInsights');
  const remove = useMutation(
    trpc.dashboards.delete.mutationOptions({
      onSuccess: () => {
        void refetchAfterWrite(queryClient, trpc.dashboards.list.pathFilter());
        location.hash = createProjectHash(projectId, DASHBOARDS_PATH);
      },
    }),
  );
  const refresh = () => {
    setNow(Date.now());
    void refetchAfterWrite(queryClient, trpc.journeys.pathFilter());
  };

  if (dashboard.isPending) {
    return (
      <>
        <h1>Dashboard</h1>
        <p class="notice" role="status">
          Opening the dashboard…
        </p>
      </>
    );
  }
  if (dashboard.isError) {
    return (
      <>
        <h1>Dashboard</h1>
        <ErrorNotice error={dashboard.error} onRetry={() => void dashboard.refetch()} />
      </>
    );
  }
  const shown = dashboard.data;
  return (
    <>
      <div class="page-head">
        <h1>{shown.name}</h1>
        <button type="button" class="button-secondary" onClick={refresh}>
          Refresh
        </button>
        <a
          class="button-secondary"
          href={createProjectHash(projectId, createDashboardPrintPath(shown.dashboardId))}
        >
          Print view
        </a>
        {timeZone !== undefined && (
          // The last 30 days of the project's zone, as the tiles' default range.
          <DashboardReportButton
            projectId={projectId}
            dashboardId={shown.dashboardId}
            range={toRangeBounds(getLastDays(30, { now, timeZone }), timeZone)}
          />
        )}
        {mayEdit && !shown.isDefault && (
          <ConfirmButton
            label="Delete"
            target={`dashboard ${shown.name}`}
            question="Delete this dashboard? Its insights stay saved."
            isPending={remove.isPending}
            onConfirm={() => remove.mutate({ projectId, dashboardId: shown.dashboardId })}
          />
        )}
      </div>
      {shown.description && <p class="help">{shown.description}</p>}
      {list.data && list.data.length > 1 && (
        <ul class="segmented" aria-label="Dashboards">
          {list.data.map((other) => (
            <li key={other.dashboardId}>
              <a
                href={createProjectHash(
                  projectId,
                  DASHBOARDS_PATH,
                  other.isDefault ? {} : { id: other.dashboardId },
                )}
                aria-current={other.dashboardId === shown.dashboardId ? 'true' : undefined}
              >
                {other.name}
              </a>
            </li>
          ))}
        </ul>
      )}
      {remove.isError && <ErrorNotice error={remove.error} />}
      <DashboardGrid dashboard={shown} annotations={annotations} now={now} editable={mayEdit} />
      {mayEdit && (
        <section class="card no-print" aria-labelledby="dashboard-edit-heading">
          <h2 id="dashboard-edit-heading">Edit dashboards</h2>
          <AddTileForm dashboard={shown} />
          <NewDashboardForm projectId={projectId} />
        </section>
      )}
      {mayEdit && <ReportSchedules projectId={projectId} dashboardId={shown.dashboardId} />}
    </>
  );
}
