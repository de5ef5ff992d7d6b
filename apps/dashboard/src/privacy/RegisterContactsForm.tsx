import type { ProcessingRegister } from '@parcours/api';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'preact/hooks';
import { useTRPC } from '../api/trpc.js';
import { ErrorNotice } from '../components/ErrorNotice.js';
import { refetchAfterWrite } from '../api/refetchAfterWrite.js';

type Contacts = Pick<ProcessingRegister, 'controller' | 'dpo' | 'recipients'>;
type Who = 'controller' | 'dpo';
const FIELDS = [
  ['name', 'Name', 'text'],
  ['email', 'E-mail', 'email'],
  ['phone', 'Phone', 'tel'],
  ['address', 'Address', 'text'],
] as const;
const RECIPIENT_FIELDS = [
  ['name', 'Recipient'],
  ['purpose', 'Purpose'],
  ['country', 'Country (ISO code)'],
  ['safeguard', 'Safeguard (outside the EEA)'],
] as const;

/** Edits the controller's and DPO's contacts and the recipients, saved whole (audited by the server). */
export function RegisterContactsForm({
  projectId,
  register,
}: {
  projectId: string;
  register: ProcessingRegister;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<Contacts>({
    controller: register.controller,
    dpo: register.dpo,
    recipients: register.recipients,
  });
  const save = useMutation(
    trpc.privacy.setRegisterContacts.mutationOptions({
      onSuccess: () => refetchAfterWrite(queryClient, trpc.privacy.register.queryFilter({ projectId })),
    }),
  );
  const setContact = (who: Who, field: string, value: string) =>
    setDraft({ ...draft, [who]: { ...draft[who], [field]: value } });
  const setRecipient = (index: number, field: string, value: string) =>
    setDraft({
      ...draft,
      recipients: draft.recipients.map((r, i) => (i === index ? { ...r, [field]: value } : r)),
    });

  return (
    <section class="card no-print" aria-labelledby="register-edit">
      <h2 id="register-edit">Edit contacts and recipients</h2>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate({ projectId, ...draft });
        }}
      >
        {(['controller', 'dpo'] as const).map((who) => (
          <fieldset key={who}>
            <legend>{who === 'controller' ? 'Controller' : 'Data protection officer'}</legend>
            {FIELDS.map(([field, label, type]) => (
              <div class="field" key={field}>
                <label for={`${who}-${field}`}>{label}</label>
                <input
                  id={`${who}-${field}`}
                  type={type}
                  value={draft[who][field]}
                  onInput={(e) => setContact(who, field, e.currentTarget.value)}
                />
              </div>
            ))}
          </fieldset>
        ))}
        {draft.recipients.map((recipient, index) => (
          <fieldset key={index}>
            <legend>Recipient {index + 1}</legend>
            {RECIPIENT_FIELDS.map(([field, label]) => (
              <div class="field" key={field}>
                <label for={`recipient-${index}-${field}`}>{label}</label>
                <input
                  id={`recipient-${index}-${field}`}
                  required={field === 'name'}
                  value={recipient[field]}
                  onInput={(e) => setRecipient(index, field, e.currentTarget.value)}
                />
              </div>
            ))}
            <button
              type="button"
              class="button-secondary"
              onClick={() =>
                setDraft({ ...draft, recipients: draft.recipients.filter((_, i) => i !== index) })
              }
            >
              Remove recipient {index + 1}
            </button>
          </fieldset>
        ))}
        <p>
          <button
            type="button"
            class="button-secondary"
            onClick={() =>
              setDraft({
                ...draft,
                recipients: [...draft.recipients, { name: '', purpose: '', country: '', safeguard: '' }],
              })
            }
          >
            Add a recipient
          </button>{' '}
          <button type="submit" disabled={save.isPending}>
            {save.isPending ? 'Saving…' : 'Save contacts'}
          </button>
        </p>
      </form>
      {save.isError && <ErrorNotice error={save.error} />}
      <p class="help" role="status">
        {save.isSuccess && 'Saved; the register above is up to date.'}
      </p>
    </section>
  );
}
