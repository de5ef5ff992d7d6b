import type { QueryKey } from '@tanstack/react-query';

/**
 * The routers whose answers change as touchpoints land: every view of a project's
 * touchpoints (overview, funnels, paths, journey map, persons and their timelines)
 * reads `journeys.*`, and so do the insights a dashboard shows.
 */
export const LIVE_ROUTERS: readonly string[] = ['journeys'];

/**
 * Whether a cached query answers from the touchpoints of `projectId`: a tRPC query key
 * (`[['journeys', 'overview'], { input: { projectId, … }, type: 'query' }]`) under a
 * {@link LIVE_ROUTERS} router for that project. Queries that opt out with
 * `meta: { live: false }` (input suggestions) are never refreshed by a push.
 */
export function isLiveQuery(
  query: { queryKey: QueryKey; meta?: Record<string, unknown> | undefined },
  projectId: string,
): boolean {
  if (query.meta?.['live'] === false) return false;
  const [path, options] = query.queryKey;
  if (!Array.isArray(path) || !LIVE_ROUTERS.includes(String(path[0]))) return false;
  const input = (options as { input?: unknown } | undefined)?.input;
  return (
    typeof input === 'object' && input !== null && (input as { projectId?: unknown }).projectId === projectId
  );
}
