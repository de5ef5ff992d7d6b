import type { Query, QueryClient } from '@tanstack/react-query';

/**
 * What a live push does to the queries it concerns (`matches`): marks them stale and
 * refetches those on screen, without cancelling a fetch already on its way. With
 * react-query's default, an invalidation cancels and restarts such a fetch: under
 * steady traffic (a push a second), a query slower than a second was restarted at
 * every push and never answered, its page stuck on its previous data. Here the fetch
 * on its way is left to finish, and since it may have read the store before the push,
 * its query is refetched once more as soon as it settles.
 */
export function refreshLiveQueries(client: QueryClient, matches: (query: Query) => boolean): void {
  for (const query of client.getQueryCache().findAll({ predicate: matches, fetchStatus: 'fetching' })) {
    const again = () =>
      void client.invalidateQueries({ queryKey: query.queryKey, exact: true }, { cancelRefetch: false });
    query.promise?.then(again, again);
  }
  void client.invalidateQueries({ predicate: matches }, { cancelRefetch: false });
}
