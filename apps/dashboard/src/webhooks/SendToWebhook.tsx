import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'preact/hooks';
import { useTRPC } from '../api/trpc.js';
import { ErrorNotice } from '../components/ErrorNotice.js';
import { createProjectHash } from '../routing/resolveRoute.js';
import { WEBHOOKS_PATH } from './webhooksPath.js';

type Source = 'funnelDropoffs' | 'persons' | 'friction';
type IdField = 'userIds' | 'anonymousIds';

export interface SendToWebhookProps {
  projectId: string;
  source: Source;
  /** The list's query, as its `journeys.*` procedure takes it (without the project). */
  query: Record<string, unknown>;
  /** What the list is, in words: "these 12 persons". */
  what: string;
}

function parseTraits(text: string): string[] {
  return text
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
}

/**
 * Sends the list on screen to a webhook destination: the sender picks the destination,
 * which ids and which traits go with each person id; nothing else leaves.
 */
export function SendToWebhook({ projectId, source, query, what }: SendToWebhookProps) {
  const trpc = useTRPC();
  const destinations = useQuery(trpc.webhooks.list.queryOptions({ projectId }));
  const [destinationId, setDestinationId] = useState('');
  const [ids, setIds] = useState<IdField[]>(['userIds']);
  const [traits, setTraits] = useState('');
  const send = useMutation(trpc.webhooks.send.mutationOptions());
  const chosen = destinationId || destinations.data?.[0]?.destinationId || '';
  const toggle = (field: IdField) =>
    setIds(ids.includes(field) ? ids.filter((f) => f !== field) : [...ids, field]);
  const onSubmit = (event: Event) => {
    event.preventDefault();
    send.mutate({ projectId, destinationId: chosen, source, query, ids, traits: parseTraits(traits) });
  };
  const settingsHref = createProjectHash(projectId, WEBHOOKS_PATH);

  if (destinations.data?.length === 0)
    return (
      <p class="help">
        To send {what} to a campaign or CRM tool, <a href={settingsHref}>add a webhook destination</a>.
      </p>
    );
  return (
    <details class="send-webhook">
      <summary>Send {what} to a webhook</summary>
      <form class="inline-form" onSubmit={onSubmit}>
        <div class="field">
          <label for={`webhook-destination-${source}`}>Destination</label>
          <select
            id={`webhook-destination-${source}`}
            value={chosen}
            onChange={(event) => setDestinationId(event.currentTarget.value)}
          >
            {destinations.data?.map((d) => (
              <option key={d.destinationId} value={d.destinationId}>
                {d.name}
              </option>
            ))}
          </select>
        </div>
        <fieldset class="field">
          <legend>With each person id</legend>
          <label>
            <input type="checkbox" checked={ids.includes('userIds')} onChange={() => toggle('userIds')} />{' '}
            user ids
          </label>{' '}
          <label>
            <input
              type="checkbox"
              checked={ids.includes('anonymousIds')}
              onChange={() => toggle('anonymousIds')}
            />{' '}
            device ids
          </label>
        </fieldset>
        <div class="field field-grow">
          <label for={`webhook-traits-${source}`}>Traits (comma-separated)</label>
          <input
            id={`webhook-traits-${source}`}
            placeholder="e.g. email, plan"
            value={traits}
            onInput={(event) => setTraits(event.currentTarget.value)}
          />
        </div>
        <button type="submit" disabled={send.isPending || chosen === ''}>
          {send.isPending ? 'Sending…' : 'Send'}
        </button>
      </form>
      {send.data && (
        <p class="notice" role="status">
          Queued {send.data.persons} persons. Follow it in the <a href={settingsHref}>delivery log</a>.
        </p>
      )}
      {send.isError && <ErrorNotice error={send.error} />}
    </details>
  );
}
