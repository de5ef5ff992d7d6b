import type { AppRouter } from '@parcours/api';
import type { inferRouterClient } from '@trpc/client';

type Requests = inferRouterClient<AppRouter>['privacy']['requests'];

/** A data-subject request as `privacy.requests.list` and `get` answer it. */
export type PrivacyRequestView = Awaited<ReturnType<Requests['get']['query']>>;
export type PrivacyRequestKind = PrivacyRequestView['kind'];
/** An owner or privacy officer a request may be assigned to. */
export type RequestAssignee = Awaited<ReturnType<Requests['assignees']['query']>>[number];

/** Each kind of request with its article of the GDPR. */
export const KIND_LABELS: Record<PrivacyRequestKind, string> = {
  access: 'Access (Art. 15)',
  erasure: 'Erasure (Art. 17)',
  rectification: 'Rectification (Art. 16)',
  objection: 'Objection (Art. 21)',
  portability: 'Portability (Art. 20)',
};

export const STATUS_LABELS: Record<PrivacyRequestView['status'], string> = {
  received: 'Received',
  verified: 'Verified',
  in_progress: 'In progress',
  done: 'Done',
  refused: 'Refused',
};

export const VERIFICATION_LABELS: Record<PrivacyRequestView['verification'], string> = {
  pending: 'Not verified yet',
  verified: 'Identity verified',
  failed: 'Could not be verified',
};

/** What stands out in the list: overdue and due this week; nothing for the rest. */
export const DUE_LABELS: Record<PrivacyRequestView['dueState'], string> = {
  overdue: 'Overdue',
  dueThisWeek: 'Due this week',
  onTime: '',
  closed: '',
};

/** `14 Feb 2026`: a calendar day (`YYYY-MM-DD`, UTC) for reading. */
export function formatCalendarDay(day: string): string {
  return new Date(`${day}T00:00:00Z`).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
}
