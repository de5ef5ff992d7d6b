import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'preact/hooks';
import { useTRPC } from '../api/trpc.js';
import type { Role } from '../api/types.js';
import { CopyField } from '../components/CopyField.js';
import { ErrorNotice } from '../components/ErrorNotice.js';
import { formatDateTime } from '../format/formatDateTime.js';
import { RoleSelect } from './RoleSelect.js';
import { refetchAfterWrite } from '../api/refetchAfterWrite.js';

/** What each role may do, to choose one knowingly. */
const ROLE_HELP =
  'Owners manage everything. Analysts read and share the journeys and edit the journey map. Privacy officers read persons, consent proof and the audit log. Viewers read the journeys.';

/**
 * Invites someone by email with a role (`members.invite`): shows the one-time link to
 * send them, and says whether the server also emailed it.
 */
export function InviteForm({ projectId }: { projectId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('analyst');
  const invite = useMutation(
    trpc.members.invite.mutationOptions({
      onSuccess: () => {
        setEmail('');
        return refetchAfterWrite(queryClient, trpc.members.list.queryFilter({ projectId }));
      },
    }),
  );

  const onSubmit = (event: Event) => {
    event.preventDefault();
    if (email.trim() !== '') invite.mutate({ projectId, email: email.trim(), role });
  };

  return (
    <section class="card" aria-labelledby="invite-heading">
      <h2 id="invite-heading">Invite someone</h2>
      <form class="inline-form" onSubmit={onSubmit}>
        <div class="field field-grow">
          <label for="invite-email">Email</label>
          <input
            id="invite-email"
            type="email"
            required
            autoComplete="off"
            spellcheck={false}
            value={email}
            onInput={(event) => setEmail(event.currentTarget.value)}
          />
        </div>
        <div class="field">
          <label for="invite-role">Role</label>
          <RoleSelect id="invite-role" value={role} onChange={setRole} />
        </div>
        <button type="submit" disabled={invite.isPending}>
          {invite.isPending ? 'Inviting…' : 'Invite'}
        </button>
        <p class="help">{ROLE_HELP}</p>
      </form>
      {invite.isError && <ErrorNotice error={invite.error} />}
      {invite.data && (
        <div class="notice" role="status">
          <p>
            {invite.data.emailed
              ? 'Invitation emailed. You can also send this link yourself:'
              : 'No email was sent (the server has no mail settings): send this link yourself.'}{' '}
            It works once, until {formatDateTime(invite.data.expiresAt)}.
          </p>
          <CopyField id="invite-url" label="Invitation link" value={invite.data.url} />
        </div>
      )}
    </section>
  );
}
