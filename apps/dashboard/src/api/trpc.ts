import type { AppRouter } from '@parcours/api';
import { createTRPCClient, httpBatchLink, type TRPCClient } from '@trpc/client';
import { createTRPCContext } from '@trpc/tanstack-react-query';

/**
 * `TRPCProvider` hands the client to the tree; `useTRPC()` gives typed query options,
 * e.g. `useQuery(trpc.journeys.person.queryOptions(input))`.
 */
export const { TRPCProvider, useTRPC } = createTRPCContext<AppRouter>();

/**
 * A tRPC client that sends the project's secret key with every request.
 * The URL is relative: the server serves the dashboard and `/trpc` on one origin,
 * so no CORS and no configuration. No transformer: the API answers plain JSON.
 */
export function createApiClient(secretKey: string): TRPCClient<AppRouter> {
  return createTRPCClient<AppRouter>({
    links: [
      httpBatchLink({
        url: '/trpc',
        headers: () => ({ authorization: `Bearer ${secretKey}` }),
      }),
    ],
  });
}
