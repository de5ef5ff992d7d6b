import { QueryCache, QueryClient } from '@tanstack/react-query';
import { getErrorCode, shouldRetry } from './getErrorCode.js';

/** What the app learns from the query cache as a whole. */
export interface QueryClientOptions {
  /**
   * Called when any query is refused with `UNAUTHORIZED`: the key is wrong or was
   * revoked, so every page would fail alike. The app signs out once, here, instead
   * of each page handling it.
   */
  onUnauthorized: () => void;
}

/** The dashboard's react-query client: no retry of final errors, 30 s of freshness. */
export function createQueryClient({ onUnauthorized }: QueryClientOptions): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({
      onError: (error) => {
        if (getErrorCode(error) === 'UNAUTHORIZED') onUnauthorized();
      },
    }),
    defaultOptions: {
      queries: {
        retry: shouldRetry,
        // Journeys change as touchpoints land, but not between two clicks.
        staleTime: 30_000,
      },
    },
  });
}
