import { QueryClientProvider } from '@tanstack/react-query';
import { useRef, useState } from 'preact/hooks';
import { createQueryClient } from './api/createQueryClient.js';
import { createApiClient, TRPCProvider } from './api/trpc.js';
import { Session } from './Session.js';

/**
 * The dashboard: one query client and one tRPC client for the app's life, and the
 * {@link Session} that decides what to show. The query client reports every
 * `UNAUTHORIZED` to the session, which goes back to the sign-in form.
 */
export function App() {
  // The query client is made once; its UNAUTHORIZED hook needs the session's latest handler.
  const onUnauthorized = useRef<() => void>(() => {});
  const [queryClient] = useState(() => createQueryClient({ onUnauthorized: () => onUnauthorized.current() }));
  const [trpcClient] = useState(createApiClient);
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        <Session onUnauthorized={onUnauthorized} />
      </TRPCProvider>
    </QueryClientProvider>
  );
}
