import type { InvalidateQueryFilters, QueryClient } from '@tanstack/react-query';

/**
 * Marks the queries a write changed as stale and refetches those on screen, as
 * `invalidateQueries` does, but first cancels their first reads still on the way.
 * React-query hands such a read (sent before the write, no data yet) to the
 * invalidation instead of asking again, so the page would show the answer from before
 * the write until the data went stale (30 s). Reads that already have data need
 * nothing more: the invalidation cancels and repeats those itself. For writes only:
 * a live push must not cancel a slow first read at every push.
 */
export async function refetchAfterWrite(
  queryClient: QueryClient,
  filters: InvalidateQueryFilters,
): Promise<void> {
  await queryClient.cancelQueries({
    ...filters,
    predicate: (query) =>
      query.state.data === undefined && (filters.predicate === undefined || filters.predicate(query)),
  });
  await queryClient.invalidateQueries(filters);
}
