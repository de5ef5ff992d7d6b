import {
  DEFAULT_RETENTION,
  RETENTION_LIMITS,
  createKey,
  getRequestDueDates,
  type PrivacyRequest,
  type RetentionSettings,
  type Store,
  type StoredRegisterContacts,
} from '@parcours/store';
import { toRequestRecordId } from '../privacy/requestRows.js';
import type { Records } from './createRecords.js';

type PrivacyStateMethods = Pick<
  Store,
  | 'getRetention'
  | 'setRetention'
  | 'createPrivacyRequest'
  | 'getPrivacyRequest'
  | 'listPrivacyRequests'
  | 'updatePrivacyRequest'
  | 'getRegisterContacts'
  | 'setRegisterContacts'
>;

const EMPTY_CONTACT = { name: '', email: '', phone: '', address: '' };

function checkRetention(name: keyof typeof RETENTION_LIMITS, value: number | undefined): void {
  if (value === undefined) return;
  const { min, max } = RETENTION_LIMITS[name];
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`${name} must be an integer from ${min} to ${max}`);
  }
}

/** Open requests first, by (extended) due date; then the closed ones, newest closed first; then by creation. */
function compareRequests(a: PrivacyRequest, b: PrivacyRequest): number {
  const closed = Number(a.closedAt !== null) - Number(b.closedAt !== null);
  if (closed !== 0) return closed;
  const due = (a.extendedDueOn ?? a.dueOn).localeCompare(b.extendedDueOn ?? b.dueOn);
  if (due !== 0) return due;
  return (b.closedAt ?? 0) - (a.closedAt ?? 0) || a.createdAt - b.createdAt;
}

/**
 * The privacy officer's settings and files as shared records: retention settings,
 * data-subject requests (one record each, `owner` the project) and the register's
 * contacts. Same rules as SQLite: due dates computed at receipt and at extension
 * (`getRequestDueDates`), retention bounds from `RETENTION_LIMITS`.
 */
export function createPrivacyState(
  records: Records,
  requireProject: (projectId: string) => Promise<unknown>,
): PrivacyStateMethods {
  const requestId = toRequestRecordId;
  return {
    async getRetention(projectId) {
      return { ...DEFAULT_RETENTION, ...(await records.get<RetentionSettings>('retention', projectId)) };
    },
    async setRetention(projectId, change) {
      checkRetention('eventsMonths', change.eventsMonths);
      checkRetention('ledgerProofYears', change.ledgerProofYears);
      await requireProject(projectId);
      const next: RetentionSettings = {
        ...DEFAULT_RETENTION,
        ...(await records.get<RetentionSettings>('retention', projectId)),
        ...Object.fromEntries(Object.entries(change).filter(([, value]) => value !== undefined)),
      };
      await records.put('retention', projectId, next);
      return next;
    },

    async createPrivacyRequest(projectId, request) {
      await requireProject(projectId);
      const now = Date.now();
      const created: PrivacyRequest = {
        requestId: createKey('req', 9),
        kind: request.kind,
        receivedOn: request.receivedOn,
        dueOn: getRequestDueDates(request.receivedOn).dueOn,
        extendedDueOn: null,
        extensionReason: null,
        requesterName: request.requesterName ?? null,
        requesterEmail: request.requesterEmail ?? null,
        userId: request.userId ?? null,
        anonymousIds: [...(request.anonymousIds ?? [])],
        verification: 'pending',
        status: 'received',
        refusalReason: null,
        assigneeId: request.assigneeId ?? null,
        outcome: null,
        createdAt: now,
        updatedAt: now,
        closedAt: null,
      };
      await records.put('privacy_request', requestId(projectId, created.requestId), created, projectId);
      return created;
    },
    getPrivacyRequest: (projectId, id) =>
      records.get<PrivacyRequest>('privacy_request', requestId(projectId, id)),
    async listPrivacyRequests(projectId) {
      const all = await records.list<PrivacyRequest>('privacy_request', projectId);
      return all.map((row) => row.value).sort(compareRequests);
    },
    async updatePrivacyRequest(projectId, id, change) {
      const current = await records.get<PrivacyRequest>('privacy_request', requestId(projectId, id));
      if (current === undefined) return undefined;
      const now = Date.now();
      const closes = change.status === 'done' || change.status === 'refused';
      const next: PrivacyRequest = {
        ...current,
        verification: change.verification ?? current.verification,
        status: change.status ?? current.status,
        assigneeId: change.assigneeId !== undefined ? change.assigneeId : current.assigneeId,
        extensionReason: change.extensionReason ?? current.extensionReason,
        extendedDueOn:
          change.extensionReason === undefined
            ? current.extendedDueOn
            : getRequestDueDates(current.receivedOn).extendedDueOn,
        refusalReason: change.refusalReason ?? current.refusalReason,
        outcome: change.outcome ?? current.outcome,
        closedAt: closes && current.closedAt === null ? now : current.closedAt,
        updatedAt: now,
      };
      await records.put('privacy_request', requestId(projectId, id), next, projectId);
      return next;
    },

    async getRegisterContacts(projectId) {
      const stored = await records.get<StoredRegisterContacts>('register_contacts', projectId);
      return (
        stored ?? {
          controller: { ...EMPTY_CONTACT },
          dpo: { ...EMPTY_CONTACT },
          recipients: [],
          updatedAt: null,
        }
      );
    },
    async setRegisterContacts(projectId, contacts) {
      await requireProject(projectId);
      const stored: StoredRegisterContacts = {
        controller: contacts.controller,
        dpo: contacts.dpo,
        recipients: contacts.recipients,
        updatedAt: Date.now(),
      };
      await records.put('register_contacts', projectId, stored);
      return stored;
    },
  };
}
