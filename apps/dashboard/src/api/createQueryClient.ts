import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { getErrorCode, getRetryDelay, shouldRetry } from './getErrorCode.js';

/** What the app learns from the query cache as a whole. */
export interface QueryClientOptions {
  /**
   * Called when any query or mutation is refused with `UNAUTHORIZED`: the session
   * cookie is missing, expired or was ended elsewhere, so every page would fail
   * alike. The app goes back to the sign-in form once, here, instead of each page
   * handling it. A mutation can opt out with `meta: { expectsUnauthorized: true }`
   * (the sign-in form, where 401 means a wrong password).
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
    mutationCache: new MutationCache({
      onError: (error, _variables, _context, mutation) => {
        if (getErrorCode(error) === 'UNAUTHORIZED' && mutation.meta?.['expectsUnauthorized'] !== true)
          onUnauthorized();
      },
    }),
    defaultOptions: {
      queries: {
        retry: shouldRetry,
        retryDelay: getRetryDelay,
        // Journeys change as touchpoints land, but not between two clicks.
        staleTime: 30_000,
      },
    },
  });
}
