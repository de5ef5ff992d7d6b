import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '../api/trpc.js';
import { downloadText } from '../audit/downloadText.js';
import { ConfirmButton } from '../components/ConfirmButton.js';
import { ErrorNotice } from '../components/ErrorNotice.js';
import { Field } from '../components/Field.js';
import { VERIFICATION_LABELS, type PrivacyRequestView, type RequestAssignee } from './requestLabels.js';
import { refetchAfterWrite } from '../api/refetchAfterWrite.js';

/** A text field of the form an event was submitted from, trimmed. */
function formText(event: Event, name: string): string {
  const value = new FormData(event.currentTarget as HTMLFormElement).get(name);
  return typeof value === 'string' ? value.trim() : '';
}

/**
 * What the officer does with an open request: verify and assign, extend once, export
 * (access, portability: the file downloads as the server made and hashed it), mark
 * done (an erasure request erases first), or refuse with the reason.
 */
export function RequestActions({
  projectId,
  request,
  assignees,
}: {
  projectId: string;
  request: PrivacyRequestView;
  assignees: RequestAssignee[];
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const onSuccess = () => refetchAfterWrite(queryClient, trpc.privacy.requests.pathFilter());
  const ref = { projectId, requestId: request.requestId };
  const update = useMutation(trpc.privacy.requests.update.mutationOptions({ onSuccess }));
  const extend = useMutation(trpc.privacy.requests.extend.mutationOptions({ onSuccess }));
  const refuse = useMutation(trpc.privacy.requests.refuse.mutationOptions({ onSuccess }));
  const complete = useMutation(trpc.privacy.requests.complete.mutationOptions({ onSuccess }));
  const exportData = useMutation(
    trpc.privacy.requests.exportData.mutationOptions({
      onSuccess: ({ filename, json }) => {
        downloadText(filename, json, 'application/json');
        return onSuccess();
      },
    }),
  );
  const error = [update, extend, refuse, complete, exportData].find((m) => m.isError)?.error;
  if (request.status === 'done' || request.status === 'refused') return null;
  const verified = request.verification === 'verified';
  const exports = request.kind === 'access' || request.kind === 'portability';
  const needsNote = request.kind === 'rectification' || request.kind === 'objection';

  return (
    <div class="request-actions">
      {error !== undefined && <ErrorNotice error={error} />}
      <form
        class="inline-form"
        onSubmit={(event) => {
          event.preventDefault();
          const assigneeId = formText(event, 'assigneeId');
          update.mutate({
            ...ref,
            verification: formText(event, 'verification') as PrivacyRequestView['verification'],
            assigneeId: assigneeId === '' ? null : assigneeId,
          });
        }}
      >
        <Field id="request-verification" label="Identity">
          <select id="request-verification" name="verification" value={request.verification}>
            {Object.entries(VERIFICATION_LABELS).map(([state, label]) => (
              <option key={state} value={state}>
                {label}
              </option>
            ))}
          </select>
        </Field>
        <Field id="request-assignee-edit" label="Assignee">
          <select id="request-assignee-edit" name="assigneeId" value={request.assigneeId ?? ''}>
            <option value="">Nobody</option>
            {assignees.map((member) => (
              <option key={member.userId} value={member.userId}>
                {member.name}
              </option>
            ))}
          </select>
        </Field>
        <button type="submit" class="button-secondary" disabled={update.isPending}>
          Save
        </button>
      </form>
      <div class="request-buttons">
        {verified && request.status === 'verified' && (
          <button
            type="button"
            class="button-secondary"
            onClick={() => update.mutate({ ...ref, status: 'in_progress' })}
          >
            Mark in progress
          </button>
        )}
        {exports && verified && (
          <button
            type="button"
            class="button-secondary"
            disabled={exportData.isPending}
            onClick={() => exportData.mutate(ref)}
          >
            {exportData.isPending ? 'Exporting…' : 'Download export'}
          </button>
        )}
        {exports && verified && request.outcome?.kind === 'export' && (
          <button type="button" disabled={complete.isPending} onClick={() => complete.mutate(ref)}>
            Mark done
          </button>
        )}
        {request.kind === 'erasure' && verified && (
          <ConfirmButton
            label="Erase and mark done"
            target="this person's data"
            question="Every row of theirs is removed, for good. Erase?"
            isPending={complete.isPending}
            onConfirm={() => complete.mutate(ref)}
          />
        )}
      </div>
      {needsNote && verified && (
        <form
          class="inline-form"
          onSubmit={(event) => {
            event.preventDefault();
            complete.mutate({ ...ref, note: formText(event, 'note') });
          }}
        >
          <Field id="request-note" label="What was done">
            <input id="request-note" name="note" required minLength={3} maxLength={2000} />
          </Field>
          <button type="submit" disabled={complete.isPending}>
            Mark done
          </button>
        </form>
      )}
      {request.extendedDueOn === null && (
        <form
          class="inline-form"
          onSubmit={(event) => {
            event.preventDefault();
            extend.mutate({ ...ref, reason: formText(event, 'reason') });
          }}
        >
          <Field id="request-extension-reason" label="Reason to extend by two months">
            <input id="request-extension-reason" name="reason" required minLength={3} maxLength={2000} />
          </Field>
          <button type="submit" class="button-secondary" disabled={extend.isPending}>
            Extend
          </button>
        </form>
      )}
      <form
        class="inline-form"
        onSubmit={(event) => {
          event.preventDefault();
          refuse.mutate({ ...ref, reason: formText(event, 'reason') });
        }}
      >
        <Field id="request-refusal-reason" label="Reason to refuse">
          <input id="request-refusal-reason" name="reason" required minLength={3} maxLength={2000} />
        </Field>
        <button type="submit" class="button-secondary" disabled={refuse.isPending}>
          Refuse
        </button>
      </form>
    </div>
  );
}
