import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { MutableRef } from 'preact/hooks';
import { useState } from 'preact/hooks';
import { getErrorCode } from './api/getErrorCode.js';
import { useTRPC } from './api/trpc.js';
import type { Me } from './api/types.js';
import { INVITATION_PATH, InvitationPage } from './auth/InvitationPage.js';
import { SignInPage } from './auth/SignInPage.js';
import { ErrorNotice } from './components/ErrorNotice.js';
import { useHashRoute } from './routing/useHashRoute.js';
import { SHARE_PATH, SharePage } from './share/SharePage.js';
import { Shell } from './Shell.js';

const SESSION_ENDED = 'Your session has ended. Sign in again to carry on where you were.';

/**
 * Who is using the dashboard, and so what it shows: a shared view or an invitation
 * (no account needed), the sign-in form, or the signed-in {@link Shell}. The session
 * itself is the server's HttpOnly cookie; `auth.me` says whose it is.
 */
export function Session({ onUnauthorized }: { onUnauthorized: MutableRef<() => void> }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const route = useHashRoute();
  const [signedOut, setSignedOut] = useState(false);
  const [message, setMessage] = useState<string>();
  const isPublic = route.path === SHARE_PATH || route.path === INVITATION_PATH;
  const me = useQuery({
    ...trpc.auth.me.queryOptions(),
    enabled: !signedOut && !isPublic,
    // Roles change (an owner's doing, elsewhere): checked again when the tab regains focus.
    staleTime: 60_000,
  });

  const endSession = (why?: string) => {
    // Nothing read in one session may show in the next.
    queryClient.removeQueries();
    setSignedOut(true);
    setMessage(why);
  };
  onUnauthorized.current = () => {
    if (signedOut) return;
    const wasSignedIn = queryClient.getQueryData(trpc.auth.me.queryKey()) !== undefined;
    endSession(wasSignedIn ? SESSION_ENDED : undefined);
  };
  const onSignedIn = (account: Me) => {
    queryClient.removeQueries();
    queryClient.setQueryData(trpc.auth.me.queryKey(), account);
    setSignedOut(false);
    setMessage(undefined);
  };

  if (route.path === SHARE_PATH) return <SharePage token={route.params['token']} />;
  if (route.path === INVITATION_PATH)
    return <InvitationPage token={route.params['token']} onSignedIn={onSignedIn} />;
  if (signedOut || getErrorCode(me.error) === 'UNAUTHORIZED')
    return <SignInPage message={message} onSignedIn={onSignedIn} />;
  if (me.data) return <Shell me={me.data} route={route} onSignedOut={() => endSession()} />;
  return (
    <main id="main" class="sign-in">
      <h1 class="visually-hidden">Parcours</h1>
      {me.isError ? (
        <ErrorNotice error={me.error} onRetry={() => void me.refetch()} />
      ) : (
        <p class="notice" role="status">
          Opening Parcours…
        </p>
      )}
    </main>
  );
}
