import type { ExportedRow, PrivacyRequest } from '@parcours/store';
import type { Records } from '../state/createRecords.js';

/** The record id of a project's data-subject request (see `createPrivacyState`). */
export const toRequestRecordId = (projectId: string, requestId: string) => `${projectId}/${requestId}`;

/**
 * A request as the export document's `privacy_requests` rows read on every engine:
 * the SQLite table's columns (without its internal row ids), JSON columns parsed, an
 * empty id list as null (how SQLite stores it).
 */
export function toRequestRow(request: PrivacyRequest): ExportedRow {
  return {
    public_id: request.requestId,
    kind: request.kind,
    received_on: request.receivedOn,
    due_on: request.dueOn,
    extended_due_on: request.extendedDueOn,
    extension_reason: request.extensionReason,
    requester_name: request.requesterName,
    requester_email: request.requesterEmail,
    subject_user_id: request.userId,
    subject_anonymous_ids: request.anonymousIds.length === 0 ? null : request.anonymousIds,
    verification: request.verification,
    status: request.status,
    refusal_reason: request.refusalReason,
    assignee_account_id: request.assigneeId,
    outcome: request.outcome,
    created_at: request.createdAt,
    updated_at: request.updatedAt,
    closed_at: request.closedAt,
  };
}

/** The columns of `toRequestRow`, in its order (what the register lists). */
export const REQUEST_COLUMNS = Object.keys(
  toRequestRow({ anonymousIds: [] } as unknown as PrivacyRequest),
) as readonly string[];

/** The project's requests that name one of the person's ids (the user id, or a device among the ids given). */
export async function findPersonRequests(
  records: Records,
  projectId: string,
  ids: { anonymousIds: readonly string[]; userIds: readonly string[] },
): Promise<PrivacyRequest[]> {
  const all = await records.list<PrivacyRequest>('privacy_request', projectId);
  return all
    .map((row) => row.value)
    .filter(
      (request) =>
        (request.userId !== null && ids.userIds.includes(request.userId)) ||
        request.anonymousIds.some((id) => ids.anonymousIds.includes(id)),
    )
    .sort((a, b) => a.receivedOn.localeCompare(b.receivedOn) || a.createdAt - b.createdAt);
}

/**
 * Erasure's pseudonymisation of the person's requests, as on SQLite: the request
 * stays as proof the controller answered; who asked and the ids given are blanked.
 * The old versions are deleted (a mutation: the caller waits). Answers how many.
 */
export async function pseudonymiseRequests(
  records: Records,
  projectId: string,
  ids: { anonymousIds: readonly string[]; userIds: readonly string[] },
): Promise<number> {
  const requests = await findPersonRequests(records, projectId, ids);
  await records.replaceHistory(
    'privacy_request',
    requests.map((request) => ({
      id: toRequestRecordId(projectId, request.requestId),
      owner: projectId,
      value: { ...request, requesterName: null, requesterEmail: null, userId: null, anonymousIds: [] },
    })),
  );
  return requests.length;
}
