import { useIsFetching, useQuery } from '@tanstack/react-query';
import { useAnnotations } from '../annotations/useAnnotations.js';
import { useTRPC } from '../api/trpc.js';
import { ErrorNotice } from '../components/ErrorNotice.js';
import type { PageProps } from '../pages.js';
import { formatDateTime } from '../format/formatDateTime.js';
import { DashboardGrid } from './DashboardGrid.js';

/**
 * A dashboard alone, at `#/p/<project>/dashboards/<id>/print` (the Shell passes the id
 * as `params.id`): its title, the time of
 * its figures and its tiles, no navigation and no editing, for the browser's print and
 * for a server-side PDF renderer. `data-ready` on `<main>` turns true once every tile
 * has its figures (no query still fetching).
 */
export function DashboardPrintPage({ project, params }: PageProps) {
  const trpc = useTRPC();
  const dashboardId = params['id'] ?? '';
  const dashboard = useQuery(trpc.dashboards.get.queryOptions({ projectId: project.projectId, dashboardId }));
  const annotations = useAnnotations(project.projectId);
  const now = dashboard.dataUpdatedAt || Date.now();
  const fetching = useIsFetching();
  return (
    <main id="main" class="print-page" data-ready={String(dashboard.isSuccess && fetching === 0)}>
      {dashboard.isError ? (
        <>
          <h1>Dashboard</h1>
          <ErrorNotice error={dashboard.error} />
        </>
      ) : dashboard.isPending ? (
        <>
          <h1>Dashboard</h1>
          <p class="notice" role="status">
            Opening the dashboard…
          </p>
        </>
      ) : (
        <>
          <h1>
            {dashboard.data.name} <span class="muted">· {project.name}</span>
          </h1>
          <p class="help">Figures as of {formatDateTime(now)}.</p>
          <DashboardGrid dashboard={dashboard.data} annotations={annotations} now={now} />
        </>
      )}
    </main>
  );
}
