import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'preact/hooks';
import { useTRPC } from '../api/trpc.js';
import { CopyField } from '../components/CopyField.js';
import { ErrorNotice } from '../components/ErrorNotice.js';
import { refetchAfterWrite } from '../api/refetchAfterWrite.js';

/**
 * Adds a webhook destination (`webhooks.create`) and shows its signing secret the one
 * time it can be seen, for the receiver to verify each body with.
 */
export function CreateWebhookForm({ projectId }: { projectId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [url, setUrl] = useState('');
  const create = useMutation(
    trpc.webhooks.create.mutationOptions({
      onSuccess: () => {
        setName('');
        setUrl('');
        return refetchAfterWrite(queryClient, trpc.webhooks.list.queryFilter({ projectId }));
      },
    }),
  );
  const onSubmit = (event: Event) => {
    event.preventDefault();
    create.mutate({ projectId, name: name.trim(), url: url.trim() });
  };

  return (
    <section class="card" aria-labelledby="create-webhook-heading">
      <h2 id="create-webhook-heading">Add a destination</h2>
      {create.data ? (
        <div class="notice notice-warn" role="status">
          <p>
            <strong>Copy the signing secret of “{create.data.name}” now: it is shown this once.</strong> The
            receiver checks each body's <code>Parcours-Signature</code> header with it.
          </p>
          <CopyField id="new-webhook-secret" label="Signing secret" value={create.data.secret} />
          <button type="button" class="button-secondary" onClick={() => create.reset()}>
            I have copied it
          </button>
        </div>
      ) : (
        <form class="inline-form" onSubmit={onSubmit}>
          <div class="field">
            <label for="webhook-name">Name</label>
            <input
              id="webhook-name"
              required
              maxLength={100}
              placeholder="e.g. CRM"
              value={name}
              onInput={(event) => setName(event.currentTarget.value)}
            />
          </div>
          <div class="field field-grow">
            <label for="webhook-url">URL</label>
            <input
              id="webhook-url"
              type="url"
              required
              maxLength={2048}
              placeholder="https://crm.example.com/hooks/parcours"
              value={url}
              onInput={(event) => setUrl(event.currentTarget.value)}
            />
          </div>
          <button type="submit" disabled={create.isPending}>
            {create.isPending ? 'Adding…' : 'Add destination'}
          </button>
        </form>
      )}
      {create.isError && <ErrorNotice error={create.error} />}
    </section>
  );
}
