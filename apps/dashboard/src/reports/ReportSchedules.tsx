import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'preact/hooks';
import { useTRPC } from '../api/trpc.js';
import { ErrorNotice } from '../components/ErrorNotice.js';
import { refetchAfterWrite } from '../api/refetchAfterWrite.js';

const FREQUENCY_LABELS = { weekly: 'Every Monday', monthly: 'On the 1st of each month' } as const;

/**
 * "Email this dashboard": its report schedules (who receives it, how often, the next
 * send) with a button to stop each, and a form for a new one. A server without SMTP
 * says so: schedules wait until it can send.
 */
export function ReportSchedules({ projectId, dashboardId }: { projectId: string; dashboardId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [frequency, setFrequency] = useState<'weekly' | 'monthly'>('weekly');
  const [recipients, setRecipients] = useState('');
  const listed = useQuery(trpc.reports.schedules.queryOptions({ projectId }));
  const refresh = () => void refetchAfterWrite(queryClient, trpc.reports.schedules.pathFilter());
  const schedule = useMutation(
    trpc.reports.schedule.mutationOptions({
      onSuccess: () => {
        setRecipients('');
        refresh();
      },
    }),
  );
  const unschedule = useMutation(trpc.reports.unschedule.mutationOptions({ onSuccess: refresh }));
  const mine = listed.data?.schedules.filter((s) => s.dashboardId === dashboardId) ?? [];
  return (
    <section class="card no-print" aria-labelledby="report-schedules-heading">
      <h2 id="report-schedules-heading">Email this dashboard</h2>
      {listed.data && !listed.data.mailConfigured && (
        <p class="notice" role="status">
          This server sends no email (set PARCOURS_SMTP_URL): schedules wait until it can.
        </p>
      )}
      {mine.length > 0 && (
        <ul class="schedule-list">
          {mine.map((s) => (
            <li key={s.scheduleId}>
              {FREQUENCY_LABELS[s.frequency]} at 08:00 to {s.recipients.join(', ')}; next{' '}
              {new Date(s.nextRunAt).toLocaleString()}{' '}
              <button
                type="button"
                class="button-secondary"
                disabled={unschedule.isPending}
                onClick={() => unschedule.mutate({ projectId, scheduleId: s.scheduleId })}
              >
                Stop
              </button>
            </li>
          ))}
        </ul>
      )}
      <form
        class="inline-form"
        aria-label="Email this dashboard"
        onSubmit={(event) => {
          event.preventDefault();
          const emails = recipients
            .split(/[,\s]+/)
            .map((email) => email.trim())
            .filter(Boolean);
          schedule.mutate({ projectId, dashboardId, frequency, recipients: emails });
        }}
      >
        <div class="field">
          <label for="schedule-frequency">How often</label>
          <select
            id="schedule-frequency"
            value={frequency}
            onChange={(e) => setFrequency(e.currentTarget.value as 'weekly' | 'monthly')}
          >
            <option value="weekly">{FREQUENCY_LABELS.weekly}</option>
            <option value="monthly">{FREQUENCY_LABELS.monthly}</option>
          </select>
        </div>
        <div class="field">
          <label for="schedule-recipients">Recipients (comma-separated emails)</label>
          <input
            id="schedule-recipients"
            required
            type="text"
            autoComplete="email"
            value={recipients}
            onInput={(e) => setRecipients(e.currentTarget.value)}
          />
        </div>
        <button type="submit" class="button-secondary" disabled={schedule.isPending}>
          Schedule
        </button>
        {schedule.isError && <ErrorNotice error={schedule.error} />}
        {unschedule.isError && <ErrorNotice error={unschedule.error} />}
      </form>
    </section>
  );
}
