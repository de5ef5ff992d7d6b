import type { AppRouter } from '@parcours/api';
import { createTRPCClient, httpBatchLink, type TRPCClient } from '@trpc/client';
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
 * `parcours_session` cookie, which the browser sends with every same-origin request:
 * no script can read it, and no header needs adding. No transformer: the API answers
 * plain JSON.
 */
export function createApiClient(): TRPCClient<AppRouter> {
  return createTRPCClient<AppRouter>({ links: [httpBatchLink({ url: '/trpc' })] });
}
