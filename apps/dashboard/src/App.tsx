import { QueryClientProvider } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { createQueryClient } from './api/createQueryClient.js';
import { createApiClient, TRPCProvider } from './api/trpc.js';
import { SignIn } from './components/SignIn.js';
import { clearSessionKey, writeSessionKey } from './session/sessionKey.js';
import { takeKeyFromUrl } from './session/takeKeyFromUrl.js';
import { Shell } from './Shell.js';

const REFUSED_KEY_MESSAGE =
  'The server refused this secret key. Check that you copied the whole key (sk_…) of a project on this server; a revoked key no longer works.';

/** The dashboard: the sign-in form until a key is known, then the signed-in {@link Shell}. */
export function App({ initialKey }: { initialKey: string | undefined }) {
  const [secretKey, setSecretKey] = useState(initialKey);
  const [signInMessage, setSignInMessage] = useState<string>();

  // The query client outlives keys; its UNAUTHORIZED hook needs the latest sign-out.
  const signOutRef = useRef<(message?: string) => void>(() => {});
  const queryClient = useMemo(
    () => createQueryClient({ onUnauthorized: () => signOutRef.current(REFUSED_KEY_MESSAGE) }),
    [],
  );

  const signOut = useCallback(
    (message?: string) => {
      clearSessionKey();
      // Nothing read with one key may show under the next.
      queryClient.clear();
      setSecretKey(undefined);
      setSignInMessage(message);
    },
    [queryClient],
  );
  signOutRef.current = signOut;

  const signIn = useCallback(
    (key: string) => {
      writeSessionKey(key);
      queryClient.clear();
      setSignInMessage(undefined);
      setSecretKey(key);
    },
    [queryClient],
  );

  // A `#key=…` URL opened in this tab while the app runs changes only the hash.
  useEffect(() => {
    const onHashChange = () => {
      const key = takeKeyFromUrl();
      if (key !== undefined) signIn(key);
    };
    addEventListener('hashchange', onHashChange);
    return () => removeEventListener('hashchange', onHashChange);
  }, [signIn]);

  const trpcClient = useMemo(() => (secretKey ? createApiClient(secretKey) : undefined), [secretKey]);

  if (!secretKey || !trpcClient) return <SignIn message={signInMessage} onSignIn={signIn} />;
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        <Shell key={secretKey} onSignOut={() => signOut()} />
      </TRPCProvider>
    </QueryClientProvider>
  );
}
