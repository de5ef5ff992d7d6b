import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'preact/hooks';
import { useTRPC } from '../api/trpc.js';
import { describeField, Field } from '../components/Field.js';
import { ErrorNotice } from '../components/ErrorNotice.js';
import { formatCount } from '../format/formatPercent.js';
import type { PageProps } from '../pages.js';

/** A project's retention, as `privacy.retention` answers it. */
interface RetentionSettings {
  eventsMonths: number;
  ledgerProofYears: number;
  withdrawalErases: boolean;
}

/**
 * Owners and privacy officers: how long Parcours keeps what it stores (issue 9): events
 * (1–25 calendar months), consent proof after the consent ended (1–10 years), whether a
 * withdrawal erases the device's data; and a purge now, with its receipt. The server also
 * purges at start and daily.
 */
export function RetentionPage({ project }: PageProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const input = { projectId: project.projectId };
  const settings = useQuery(trpc.privacy.retention.queryOptions(input));
  const save = useMutation(
    trpc.privacy.setRetention.mutationOptions({
      onSuccess: (data) => queryClient.setQueryData(trpc.privacy.retention.queryKey(input), data),
    }),
  );
  const purge = useMutation(trpc.privacy.purgeNow.mutationOptions());

  return (
    <>
      <h1>Retention</h1>
      <p class="help">
        Events older than the retention are deleted, with the identity links they leave without events;
        consent proof is kept for its period after the consent ended, then purged from the oldest, and the
        rest of the ledger still verifies. Parcours purges at start and every day; each run is in the audit
        log.
      </p>
      {settings.isPending && (
        <p class="notice" role="status">
          Loading the retention settings…
        </p>
      )}
      {settings.isError && <ErrorNotice error={settings.error} onRetry={() => void settings.refetch()} />}
      {settings.data && (
        <RetentionForm
          current={settings.data}
          isSaving={save.isPending}
          onSave={(change) => save.mutate({ ...input, ...change })}
        />
      )}
      {save.isError && <ErrorNotice error={save.error} />}
      <p class="help" role="status">
        {save.isSuccess && 'Saved: the next purge applies these settings.'}
      </p>
      <section class="card" aria-labelledby="purge-heading">
        <h2 id="purge-heading">Purge now</h2>
        <button
          type="button"
          class="button-secondary"
          disabled={purge.isPending}
          onClick={() => purge.mutate(input)}
        >
          {purge.isPending ? 'Purging…' : 'Purge now'}
        </button>
        {purge.isError && <ErrorNotice error={purge.error} />}
        {purge.data && (
          <table class="data-table receipt-table">
            <caption>Receipt {purge.data.purgeId}: rows removed</caption>
            <tbody>
              {Object.entries(purge.data.tables).map(([table, rows]) => (
                <tr key={table}>
                  <th scope="row">
                    <code>{table}</code>
                  </th>
                  <td class="num">{formatCount(rows)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}

interface RetentionFormProps {
  current: RetentionSettings;
  isSaving: boolean;
  onSave: (settings: RetentionSettings) => void;
}

function RetentionForm({ current, isSaving, onSave }: RetentionFormProps) {
  const [eventsMonths, setEventsMonths] = useState(String(current.eventsMonths));
  const [ledgerProofYears, setLedgerProofYears] = useState(String(current.ledgerProofYears));
  const [withdrawalErases, setWithdrawalErases] = useState(current.withdrawalErases);
  const [checked, setChecked] = useState(false);
  const months = Number(eventsMonths);
  const years = Number(ledgerProofYears);
  const monthsProblem =
    checked && !(Number.isInteger(months) && months >= 1 && months <= 25)
      ? 'A whole number of months from 1 to 25 (the CNIL’s maximum for audience measurement)'
      : undefined;
  const yearsProblem =
    checked && !(Number.isInteger(years) && years >= 1 && years <= 10)
      ? 'A whole number of years from 1 to 10'
      : undefined;
  const monthsHelp = 'Calendar months, counted from each event’s time. 25 at most.';
  const yearsHelp = 'Years after the consent ended (a later decision, or 13 months). 5 by default.';

  return (
    <form
      class="card"
      aria-labelledby="retention-heading"
      onSubmit={(event) => {
        event.preventDefault();
        setChecked(true);
        const valid =
          Number.isInteger(months) &&
          months >= 1 &&
          months <= 25 &&
          Number.isInteger(years) &&
          years >= 1 &&
          years <= 10;
        if (valid) onSave({ eventsMonths: months, ledgerProofYears: years, withdrawalErases });
      }}
    >
      <h2 id="retention-heading">How long Parcours keeps data</h2>
      <Field id="events-months" label="Keep events (months)" problem={monthsProblem} help={monthsHelp}>
        <input
          id="events-months"
          type="number"
          inputMode="numeric"
          min={1}
          max={25}
          value={eventsMonths}
          aria-invalid={monthsProblem !== undefined}
          aria-describedby={describeField('events-months', monthsProblem, monthsHelp)}
          onInput={(event) => setEventsMonths(event.currentTarget.value)}
        />
      </Field>
      <Field id="ledger-years" label="Keep consent proof (years)" problem={yearsProblem} help={yearsHelp}>
        <input
          id="ledger-years"
          type="number"
          inputMode="numeric"
          min={1}
          max={10}
          value={ledgerProofYears}
          aria-invalid={yearsProblem !== undefined}
          aria-describedby={describeField('ledger-years', yearsProblem, yearsHelp)}
          onInput={(event) => setLedgerProofYears(event.currentTarget.value)}
        />
      </Field>
      <div class="field">
        <label>
          <input
            type="checkbox"
            checked={withdrawalErases}
            aria-describedby="withdrawal-erases-help"
            onChange={(event) => setWithdrawalErases(event.currentTarget.checked)}
          />{' '}
          A withdrawal of consent erases the device’s data
        </label>
        <p id="withdrawal-erases-help" class="help">
          When a visitor takes back a consent, the touchpoints of their device (only those of the withdrawn
          categories after a partial withdrawal) are erased, with a receipt in the audit log. The consent
          proof is kept.
        </p>
      </div>
      <button type="submit" disabled={isSaving}>
        {isSaving ? 'Saving…' : 'Save'}
      </button>
    </form>
  );
}
