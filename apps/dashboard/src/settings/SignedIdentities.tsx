import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '../api/trpc.js';
import type { Project } from '../api/types.js';
import { ConfirmButton } from '../components/ConfirmButton.js';
import { CopyField } from '../components/CopyField.js';
import { ErrorNotice } from '../components/ErrorNotice.js';
import { createUserHashSnippet } from './createSnippets.js';

/**
 * Owners: signed identities (issue 13). The write key is public, so anyone can send
 * `identify` with any user id; with signatures required, only user ids signed by the
 * site's backend with the identity secret link a device to a user.
 */
export function SignedIdentities({ project }: { project: Project }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const input = { projectId: project.projectId };
  const settings = useQuery(trpc.identity.settings.queryOptions(input));
  const update = useMutation(
    trpc.identity.update.mutationOptions({
      onSuccess: (data) => queryClient.setQueryData(trpc.identity.settings.queryKey(input), data),
    }),
  );

  return (
    <section class="card" aria-labelledby="identity-heading">
      <h2 id="identity-heading">Signed identities</h2>
      <p class="help">
        Anyone with the write key can claim a user id. When signatures are required, an event’s user id counts
        only with <code>userHash</code>, computed by your backend with the identity secret; an unsigned one is
        kept, but joins the device to nobody. Applies to touchpoints collected from now on.
      </p>
      {settings.isPending && (
        <p class="notice" role="status">
          Loading the identity settings…
        </p>
      )}
      {settings.isError && <ErrorNotice error={settings.error} onRetry={() => void settings.refetch()} />}
      {settings.data && (
        <>
          <div class="field">
            <label>
              <input
                type="checkbox"
                // While the change is on its way, show what was asked: a checkbox must follow the click.
                checked={
                  (update.isPending ? update.variables.requireSignedIdentities : undefined) ??
                  settings.data.requireSignedIdentities
                }
                disabled={update.isPending}
                onChange={(event) =>
                  update.mutate({ ...input, requireSignedIdentities: event.currentTarget.checked })
                }
              />{' '}
              Require signed identities
            </label>
          </div>
          <CopyField id="identity-secret" label="Identity secret" value={settings.data.identitySecret} />
          <CopyField
            id="user-hash-snippet"
            label="userHash, in your Node backend (createHmac from node:crypto)"
            value={createUserHashSnippet()}
          />
          <ConfirmButton
            label="Rotate the secret"
            target="identity secret"
            question="Make a new secret? The old one stops working at once."
            isPending={update.isPending}
            onConfirm={() => update.mutate({ ...input, rotateSecret: true })}
          />
        </>
      )}
      {update.isError && <ErrorNotice error={update.error} />}
      <p class="help" role="status">
        {update.isSuccess &&
          (update.variables.rotateSecret === true
            ? 'A new identity secret is in use.'
            : update.data.requireSignedIdentities
              ? 'Signed identities are required.'
              : 'Every user id is trusted.')}
      </p>
    </section>
  );
}
