import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'preact/hooks';
import { useTRPC } from '../api/trpc.js';
import type { KeyScope } from '../api/types.js';
import { CopyField } from '../components/CopyField.js';
import { ErrorNotice } from '../components/ErrorNotice.js';
import { refetchAfterWrite } from '../api/refetchAfterWrite.js';

/** What each scope opens, in words. */
export const SCOPE_LABELS: Record<KeyScope, string> = {
  read: 'Read journeys',
  privacy: 'Privacy',
  admin: 'Admin',
  ingest: 'Ingest (server-side source)',
};

const SCOPE_HELP =
  'Read journeys: overview, funnels, paths, persons. Privacy: persons, consent proof and the audit log. Admin: everything an owner can do. Ingest: for a trusted server (CRM sync, till, call centre) that sends touchpoints with the write key; its batches without a consent list keep every category, and it opens nothing else. Never put a secret key in a web page or an app.';

/**
 * Creates a secret key (`keys.create`) and shows it the one time it can be seen, with
 * a Copy button and a warning; the list shows only its first characters afterwards.
 */
export function CreateKeyForm({ projectId }: { projectId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [label, setLabel] = useState('');
  const [scope, setScope] = useState<KeyScope>('read');
  const create = useMutation(
    trpc.keys.create.mutationOptions({
      onSuccess: () => {
        setLabel('');
        return refetchAfterWrite(queryClient, trpc.keys.list.queryFilter({ projectId }));
      },
    }),
  );

  const onSubmit = (event: Event) => {
    event.preventDefault();
    if (label.trim() !== '') create.mutate({ projectId, label: label.trim(), scope });
  };

  return (
    <section class="card" aria-labelledby="create-key-heading">
      <h2 id="create-key-heading">Create a key</h2>
      {create.data ? (
        <div class="notice notice-warn" role="status">
          <p>
            <strong>Copy the key “{create.data.label}” now: it is shown this once.</strong> Parcours keeps
            only a hash of it. Store it as a secret; anyone who has it can use the API with its scope.
          </p>
          <CopyField id="new-key" label="Secret key" value={create.data.key} />
          <button type="button" class="button-secondary" onClick={() => create.reset()}>
            I have copied it
          </button>
        </div>
      ) : (
        <form class="inline-form" onSubmit={onSubmit}>
          <div class="field field-grow">
            <label for="key-label">Label</label>
            <input
              id="key-label"
              required
              maxLength={100}
              placeholder="e.g. nightly export"
              value={label}
              onInput={(event) => setLabel(event.currentTarget.value)}
            />
          </div>
          <div class="field">
            <label for="key-scope">Scope</label>
            <select
              id="key-scope"
              value={scope}
              onChange={(event) => setScope(event.currentTarget.value as KeyScope)}
            >
              {Object.entries(SCOPE_LABELS).map(([value, text]) => (
                <option key={value} value={value}>
                  {text}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" disabled={create.isPending}>
            {create.isPending ? 'Creating…' : 'Create key'}
          </button>
          <p class="help">{SCOPE_HELP}</p>
        </form>
      )}
      {create.isError && <ErrorNotice error={create.error} />}
    </section>
  );
}
