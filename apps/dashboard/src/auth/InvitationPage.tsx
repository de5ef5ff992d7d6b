import { useQuery } from '@tanstack/react-query';
import { getErrorCode } from '../api/getErrorCode.js';
import { useTRPC } from '../api/trpc.js';
import type { Me } from '../api/types.js';
import { ErrorNotice } from '../components/ErrorNotice.js';
import { AcceptInvitationForm } from './AcceptInvitationForm.js';

/** The route of invitation links: `#/invitation?token=…` (`members.invite` and `parcours start` make them). */
export const INVITATION_PATH = 'invitation';

export interface InvitationPageProps {
  /** The link's token; may be missing from a cut-off link. */
  token: string | undefined;
  onSignedIn: (me: Me) => void;
}

/**
 * Where an invitation link lands, with no account needed: what it offers
 * (`auth.invitation`), then the form that accepts it and signs in.
 */
export function InvitationPage({ token, onSignedIn }: InvitationPageProps) {
  const trpc = useTRPC();
  const invitation = useQuery({
    ...trpc.auth.invitation.queryOptions({ token: token ?? '' }),
    enabled: Boolean(token),
    staleTime: Infinity,
  });

  return (
    <main class="sign-in" id="main">
      <p class="brand" aria-hidden="true">
        Parcours
      </p>
      <div class="card">
        {!token || getErrorCode(invitation.error) === 'NOT_FOUND' ? (
          <>
            <h1>This invitation cannot be used</h1>
            <p class="notice notice-error" role="alert">
              {token
                ? 'This invitation link has expired, was revoked or was already used.'
                : 'This invitation link is incomplete: it has no token.'}{' '}
              Ask the person who invited you for a new link.
            </p>
            <p>
              <a href="#/">Sign in</a> if you already have an account.
            </p>
          </>
        ) : invitation.isError ? (
          <>
            <h1>Invitation</h1>
            <ErrorNotice error={invitation.error} onRetry={() => void invitation.refetch()} />
          </>
        ) : invitation.isPending ? (
          <>
            <h1>Invitation</h1>
            <p class="notice" role="status">
              Opening the invitation…
            </p>
          </>
        ) : (
          <AcceptInvitationForm token={token} invitation={invitation.data} onSignedIn={onSignedIn} />
        )}
      </div>
    </main>
  );
}
