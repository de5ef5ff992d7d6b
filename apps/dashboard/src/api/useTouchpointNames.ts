import { useQuery } from '@tanstack/react-query';
import { collectTouchpointNames } from '../paths/collectTouchpointNames.js';
import { useTRPC } from './trpc.js';

/** How deep and wide the paths are read to find names: enough for any project's vocabulary. */
const NAMES_QUERY = { depth: 10, limit: 1_000 } as const;

/**
 * The touchpoint names in use in a project, the most travelled first, for input
 * suggestions. Empty while loading or on error: suggestions are a help, not a must.
 */
export function useTouchpointNames(projectId: string): string[] {
  return useTouchpointNamesQuery(projectId).data ?? [];
}

/**
 * The same as a query, for a page that must tell "loading" from "none yet". Not
 * refreshed by live pushes (`meta.live`): a deep paths query a second is not worth a
 * suggestion list.
 */
export function useTouchpointNamesQuery(projectId: string) {
  const trpc = useTRPC();
  return useQuery({
    ...trpc.journeys.paths.queryOptions({ projectId, ...NAMES_QUERY }),
    select: collectTouchpointNames,
    staleTime: 5 * 60_000,
    meta: { live: false },
  });
}
