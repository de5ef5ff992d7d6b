import { useQuery } from '@tanstack/react-query';
import { can } from '../access/can.js';
import { useTRPC } from '../api/trpc.js';
import { ErrorNotice } from '../components/ErrorNotice.js';
import type { PageProps } from '../pages.js';
import { createProjectHash } from '../routing/resolveRoute.js';
import { INSIGHTS_PATH } from './insightPaths.js';
import { InsightRow } from './InsightRow.js';

/**
 * Saved insights: every view saved with "Save as insight", searchable by name and
 * description (`?q=`), each opening its page as saved; editors rename, describe,
 * put on a dashboard or delete.
 */
export function InsightsPage({ project, params }: PageProps) {
  const trpc = useTRPC();
  const search = params['q']?.trim() || undefined;
  const insights = useQuery(
    trpc.insights.list.queryOptions({ projectId: project.projectId, ...(search && { search }) }),
  );
  const mayEdit = can(project.role, 'editInsights');

  return (
    <>
      <h1>Insights</h1>
      <form
        class="inline-form"
        role="search"
        aria-label="Search insights"
        onSubmit={(event) => {
          event.preventDefault();
          const value = new FormData(event.currentTarget).get('q');
          const q = typeof value === 'string' ? value.trim() : '';
          location.hash = createProjectHash(project.projectId, INSIGHTS_PATH, q ? { q } : {});
        }}
      >
        <div class="field">
          <label for="insights-q">Name or description</label>
          <input id="insights-q" name="q" type="search" defaultValue={search ?? ''} maxLength={200} />
        </div>
        <button type="submit">Search</button>
      </form>
      {insights.isPending && (
        <p class="notice" role="status">
          Listing saved insights…
        </p>
      )}
      {insights.isError && <ErrorNotice error={insights.error} onRetry={() => void insights.refetch()} />}
      {insights.data?.length === 0 && (
        <p class="notice">
          {search
            ? `No saved insight matches “${search}”.`
            : 'No saved insight yet: open a view (a funnel, paths…) and press “Save as insight”.'}
        </p>
      )}
      {insights.data && insights.data.length > 0 && (
        <ul class="insight-list" aria-label="Saved insights">
          {insights.data.map((insight) => (
            <InsightRow key={insight.insightId} insight={insight} mayEdit={mayEdit} />
          ))}
        </ul>
      )}
    </>
  );
}
