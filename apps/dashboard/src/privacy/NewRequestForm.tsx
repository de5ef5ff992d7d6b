import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '../api/trpc.js';
import { ErrorNotice } from '../components/ErrorNotice.js';
import { Field } from '../components/Field.js';
import {
  KIND_LABELS,
  type PrivacyRequestKind,
  type PrivacyRequestView,
  type RequestAssignee,
} from './requestLabels.js';
import { refetchAfterWrite } from '../api/refetchAfterWrite.js';

/** Today as a calendar day in the officer's own time zone (a request arrives on their day). */
function getToday(): string {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
}

/** Splits the anonymous ids field: one a line, or separated by commas or spaces. */
function parseIds(text: string): string[] {
  return text.split(/[\s,]+/).filter(Boolean);
}

/**
 * Records a request as it arrived: what is asked, the day it came (its deadline is
 * one calendar month later), who asked and the ids they gave.
 */
export function NewRequestForm({
  projectId,
  assignees,
  onCreated,
}: {
  projectId: string;
  assignees: RequestAssignee[];
  onCreated: (request: PrivacyRequestView) => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const create = useMutation(
    trpc.privacy.requests.create.mutationOptions({
      onSuccess: (request) => {
        void refetchAfterWrite(queryClient, trpc.privacy.requests.list.queryFilter());
        onCreated(request);
      },
    }),
  );
  const onSubmit = (event: Event) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const text = (name: string) => {
      const value = form.get(name);
      return typeof value === 'string' ? value.trim() : '';
    };
    create.mutate({
      projectId,
      kind: text('kind') as PrivacyRequestKind,
      receivedOn: text('receivedOn'),
      ...(text('requesterName') && { requesterName: text('requesterName') }),
      ...(text('requesterEmail') && { requesterEmail: text('requesterEmail') }),
      ...(text('userId') && { userId: text('userId') }),
      anonymousIds: parseIds(text('anonymousIds')),
      ...(text('assigneeId') && { assigneeId: text('assigneeId') }),
    });
  };

  return (
    <form class="card request-form" aria-labelledby="new-request-heading" onSubmit={onSubmit}>
      <h2 id="new-request-heading">Record a request</h2>
      <div class="request-form-grid">
        <Field id="request-kind" label="Request">
          <select id="request-kind" name="kind">
            {Object.entries(KIND_LABELS).map(([kind, label]) => (
              <option key={kind} value={kind}>
                {label}
              </option>
            ))}
          </select>
        </Field>
        <Field id="request-received" label="Received on">
          <input id="request-received" name="receivedOn" type="date" required defaultValue={getToday()} />
        </Field>
        <Field id="request-name" label="Requester's name">
          <input id="request-name" name="requesterName" autocomplete="off" maxLength={200} />
        </Field>
        <Field id="request-email" label="Requester's e-mail">
          <input id="request-email" name="requesterEmail" type="email" autocomplete="off" maxLength={254} />
        </Field>
        <Field id="request-user-id" label="User id they gave">
          <input id="request-user-id" name="userId" autocomplete="off" maxLength={256} />
        </Field>
        <Field
          id="request-anonymous-ids"
          label="Anonymous ids they gave"
          help="One a line; from their browser or app."
        >
          <textarea
            id="request-anonymous-ids"
            name="anonymousIds"
            rows={2}
            aria-describedby="request-anonymous-ids-help"
          />
        </Field>
        <Field id="request-assignee" label="Assignee">
          <select id="request-assignee" name="assigneeId">
            <option value="">Nobody yet</option>
            {assignees.map((member) => (
              <option key={member.userId} value={member.userId}>
                {member.name} ({member.email})
              </option>
            ))}
          </select>
        </Field>
      </div>
      {create.isError && <ErrorNotice error={create.error} />}
      <button type="submit" disabled={create.isPending}>
        {create.isPending ? 'Recording…' : 'Record request'}
      </button>
    </form>
  );
}
