import type { CalendarDay } from './addCalendarMonths.js';
import type { ErasureReceipt } from './types.js';

/** What a data subject asks for: GDPR Art. 15, 17, 16, 21 and 20. */
export const PRIVACY_REQUEST_KINDS = [
  'access',
  'erasure',
  'rectification',
  'objection',
  'portability',
] as const;
export type PrivacyRequestKind = (typeof PRIVACY_REQUEST_KINDS)[number];

/** Where a request is; `done` and `refused` close it. */
export const PRIVACY_REQUEST_STATUSES = ['received', 'verified', 'in_progress', 'done', 'refused'] as const;
export type PrivacyRequestStatus = (typeof PRIVACY_REQUEST_STATUSES)[number];

/** Whether the requester proved to be the person (Art. 12(6)). */
export const VERIFICATION_STATES = ['pending', 'verified', 'failed'] as const;
export type VerificationState = (typeof VERIFICATION_STATES)[number];

/**
 * What answered the request. An access or portability export is not kept (it would
 * be a second copy of the person's data): only its SHA-256, size and rows per table,
 * which prove what was handed over. An erasure keeps its receipt (counts only).
 */
export type PrivacyRequestOutcome =
  | {
      kind: 'export';
      filename: string;
      sha256: string;
      bytes: number;
      exportedAt: number;
      rows: Record<string, number>;
    }
  | { kind: 'erasure'; receipt: ErasureReceipt }
  | { kind: 'note'; note: string };

/** A data-subject request as the privacy officer handles it. */
export interface PrivacyRequest {
  /** `req_…`. */
  requestId: string;
  kind: PrivacyRequestKind;
  receivedOn: CalendarDay;
  /** One calendar month after receipt. */
  dueOn: CalendarDay;
  /** `dueOn` + 2 months once extended, else null. */
  extendedDueOn: CalendarDay | null;
  extensionReason: string | null;
  /** Null once an erasure pseudonymised the request. */
  requesterName: string | null;
  requesterEmail: string | null;
  /** The ids the requester gave. */
  userId: string | null;
  anonymousIds: string[];
  verification: VerificationState;
  status: PrivacyRequestStatus;
  /** Why it was refused, when it was. */
  refusalReason: string | null;
  /** The dashboard account (`usr_…`) handling it. */
  assigneeId: string | null;
  outcome: PrivacyRequestOutcome | null;
  createdAt: number;
  updatedAt: number;
  /** When it became done or refused. */
  closedAt: number | null;
}

export interface NewPrivacyRequest {
  kind: PrivacyRequestKind;
  receivedOn: CalendarDay;
  requesterName?: string | undefined;
  requesterEmail?: string | undefined;
  userId?: string | undefined;
  anonymousIds?: readonly string[] | undefined;
  assigneeId?: string | undefined;
}

/** The fields a change may set; absent ones stay. The store checks no workflow rule (the API does). */
export interface PrivacyRequestChange {
  verification?: VerificationState;
  status?: PrivacyRequestStatus;
  assigneeId?: string | null;
  /** Extends the deadline by two months, with the reason. */
  extensionReason?: string;
  refusalReason?: string;
  outcome?: PrivacyRequestOutcome;
}

/** The data-subject requests of a project (issue 9). */
export interface PrivacyRequestStore {
  createPrivacyRequest(projectId: string, request: NewPrivacyRequest): Promise<PrivacyRequest>;
  /** Undefined for a request of another project or none. */
  getPrivacyRequest(projectId: string, requestId: string): Promise<PrivacyRequest | undefined>;
  /** Every request of the project, open ones first, by due date, then newest closed. */
  listPrivacyRequests(projectId: string): Promise<PrivacyRequest[]>;
  /** Applies a change; the request as it now is (undefined when unknown). */
  updatePrivacyRequest(
    projectId: string,
    requestId: string,
    change: PrivacyRequestChange,
  ): Promise<PrivacyRequest | undefined>;
}
