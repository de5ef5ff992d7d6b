import type { AppRouter } from '@parcours/api';
import {
  createTRPCClient,
  httpBatchLink,
  httpSubscriptionLink,
  splitLink,
  type TRPCClient,
} from '@trpc/client';
import { createTRPCContext } from '@trpc/tanstack-react-query';

/**
 * `TRPCProvider` hands the client to the tree; `useTRPC()` gives typed query options,
 * e.g. `useQuery(trpc.journeys.person.queryOptions(input))`; `useTRPCClient()` calls
 * a procedure directly (a file download that is not worth caching).
 */
export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

/**
 * The tRPC client. The URL is relative: the server serves the dashboard and `/trpc`
 * on one origin, so no CORS and no configuration. The session is the HttpOnly
 * `parcours_session` cookie, which the browser sends with every same-origin request
 * (an `EventSource` too): no script can read it, and no header needs adding. Queries
 * and mutations are batched over HTTP; subscriptions (`live.*`) are server-sent events,
 * which the browser's `EventSource` reconnects. No transformer: the API answers plain JSON.
 */
export function createApiClient(): TRPCClient<AppRouter> {
  return createTRPCClient<AppRouter>({
    links: [
      splitLink({
        condition: (operation) => operation.type === 'subscription',
        true: httpSubscriptionLink({ url: '/trpc' }),
        false: httpBatchLink({ url: '/trpc' }),
      }),
    ],
  });
}
