import type { Query, QueryClient } from '@tanstack/react-query';

/**
 * What a live push does to the queries it concerns (`matches`): marks them stale and
 * refetches those on screen, without cancelling a fetch already on its way. With
 * react-query's default, an invalidation cancels and restarts such a fetch: under
 * steady traffic (a push a second), a query slower than a second was restarted at
 * every push and never answered, its page stuck on its previous data. Here the fetch
 * on its way is left to finish, and since it may have read the store before the push,
 * its query is refetched once more as soon as it settles.
 *
 * `stop` stops following the fetches still owed a refetch.
 */
export function createLiveRefresher(queryClient: QueryClient) {
  const owed = new Set<Query>();
  const unsubscribe = queryClient.getQueryCache().subscribe((event) => {
    if (event.type !== 'updated') return;
    const query: Query = event.query as Query;
    if (!owed.has(query)) return;
    if (event.action.type !== 'success' && event.action.type !== 'error') return;
    owed.delete(query);
    void queryClient.invalidateQueries({ queryKey: query.queryKey, exact: true }, { cancelRefetch: false });
  });
  return {
    refresh(matches: (query: Query) => boolean): void {
      for (const query of queryClient
        .getQueryCache()
        .findAll({ predicate: matches, fetchStatus: 'fetching' })) {
        owed.add(query);
      }
      void queryClient.invalidateQueries({ predicate: matches }, { cancelRefetch: false });
    },
    stop(): void {
      unsubscribe();
      owed.clear();
    },
  };
}
