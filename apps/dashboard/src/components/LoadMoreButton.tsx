/** What `LoadMoreButton` needs of an infinite query (react-query's `useInfiniteQuery` result). */
export interface MorePages {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => Promise<unknown>;
}

/** "Load 50 more" under a paged list, while there is a next page; disabled while it loads. */
export function LoadMoreButton({ query, pageSize }: { query: MorePages; pageSize: number }) {
  if (!query.hasNextPage) return null;
  return (
    <button
      type="button"
      class="button-secondary"
      disabled={query.isFetchingNextPage}
      onClick={() => void query.fetchNextPage()}
    >
      {query.isFetchingNextPage ? 'Loading…' : `Load ${pageSize} more`}
    </button>
  );
}
