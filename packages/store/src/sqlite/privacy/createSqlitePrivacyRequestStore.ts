import type Database from 'better-sqlite3';
import { createKey } from '../../createKey.js';
import { getRequestDueDates } from '../../privacy/getRequestDueDates.js';
import type {
  PrivacyRequest,
  PrivacyRequestOutcome,
  PrivacyRequestStore,
} from '../../privacy/requestTypes.js';

interface RequestRow {
  public_id: string;
  kind: PrivacyRequest['kind'];
  received_on: string;
  due_on: string;
  extended_due_on: string | null;
  extension_reason: string | null;
  requester_name: string | null;
  requester_email: string | null;
  subject_user_id: string | null;
  subject_anonymous_ids: string | null;
  verification: PrivacyRequest['verification'];
  status: PrivacyRequest['status'];
  refusal_reason: string | null;
  assignee_account_id: string | null;
  outcome: string | null;
  created_at: number;
  updated_at: number;
  closed_at: number | null;
}

const COLUMNS = `public_id, kind, received_on, due_on, extended_due_on, extension_reason, requester_name,
  requester_email, subject_user_id, subject_anonymous_ids, verification, status, refusal_reason,
  assignee_account_id, outcome, created_at, updated_at, closed_at`;

function toRequest(row: RequestRow): PrivacyRequest {
  return {
    requestId: row.public_id,
    kind: row.kind,
    receivedOn: row.received_on,
    dueOn: row.due_on,
    extendedDueOn: row.extended_due_on,
    extensionReason: row.extension_reason,
    requesterName: row.requester_name,
    requesterEmail: row.requester_email,
    userId: row.subject_user_id,
    anonymousIds:
      row.subject_anonymous_ids === null ? [] : (JSON.parse(row.subject_anonymous_ids) as string[]),
    verification: row.verification,
    status: row.status,
    refusalReason: row.refusal_reason,
    assigneeId: row.assignee_account_id,
    outcome: row.outcome === null ? null : (JSON.parse(row.outcome) as PrivacyRequestOutcome),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    closedAt: row.closed_at,
  };
}

/**
 * The SQLite data-subject requests, by project public id (`getProjectRowId` throws for
 * an unknown one). Due dates are computed once, at receipt and at extension.
 */
export function createSqlitePrivacyRequestStore(
  db: Database.Database,
  getProjectRowId: (projectId: string) => number,
): PrivacyRequestStore {
  const insert = db.prepare(`
    INSERT INTO privacy_requests (public_id, project_id, kind, received_on, due_on, requester_name,
      requester_email, subject_user_id, subject_anonymous_ids, assignee_account_id, created_at, updated_at)
    VALUES (@publicId, @projectRowId, @kind, @receivedOn, @dueOn, @requesterName, @requesterEmail,
      @userId, @anonymousIds, @assigneeId, @now, @now)
  `);
  const selectOne = db.prepare(
    `SELECT ${COLUMNS} FROM privacy_requests WHERE project_id = ? AND public_id = ?`,
  );
  // Open requests by deadline (the extended one when there is one), then the closed, newest first.
  const selectAll = db.prepare(`
    SELECT ${COLUMNS} FROM privacy_requests WHERE project_id = ?
    ORDER BY closed_at IS NOT NULL, coalesce(extended_due_on, due_on), closed_at DESC, id
  `);
  // A NULL parameter keeps the column; @setAssignee says whether assignee changes (it may become NULL).
  const update = db.prepare(`
    UPDATE privacy_requests SET
      verification = coalesce(@verification, verification),
      status = coalesce(@status, status),
      assignee_account_id = CASE WHEN @setAssignee THEN @assigneeId ELSE assignee_account_id END,
      extension_reason = coalesce(@extensionReason, extension_reason),
      extended_due_on = coalesce(@extendedDueOn, extended_due_on),
      refusal_reason = coalesce(@refusalReason, refusal_reason),
      outcome = coalesce(@outcome, outcome),
      closed_at = CASE WHEN @closes AND closed_at IS NULL THEN @now ELSE closed_at END,
      updated_at = @now
    WHERE project_id = @projectRowId AND public_id = @requestId
  `);
  const get = (projectRowId: number, requestId: string) => {
    const row = selectOne.get(projectRowId, requestId) as RequestRow | undefined;
    return row && toRequest(row);
  };

  return {
    async createPrivacyRequest(projectId, request) {
      const projectRowId = getProjectRowId(projectId);
      const publicId = createKey('req', 9);
      const anonymousIds = request.anonymousIds ?? [];
      insert.run({
        publicId,
        projectRowId,
        kind: request.kind,
        receivedOn: request.receivedOn,
        dueOn: getRequestDueDates(request.receivedOn).dueOn,
        requesterName: request.requesterName ?? null,
        requesterEmail: request.requesterEmail ?? null,
        userId: request.userId ?? null,
        anonymousIds: anonymousIds.length === 0 ? null : JSON.stringify(anonymousIds),
        assigneeId: request.assigneeId ?? null,
        now: Date.now(),
      });
      return get(projectRowId, publicId)!;
    },
    async getPrivacyRequest(projectId, requestId) {
      return get(getProjectRowId(projectId), requestId);
    },
    async listPrivacyRequests(projectId) {
      return (selectAll.all(getProjectRowId(projectId)) as RequestRow[]).map(toRequest);
    },
    async updatePrivacyRequest(projectId, requestId, change) {
      const projectRowId = getProjectRowId(projectId);
      const current = get(projectRowId, requestId);
      if (current === undefined) return undefined;
      update.run({
        projectRowId,
        requestId,
        verification: change.verification ?? null,
        status: change.status ?? null,
        setAssignee: change.assigneeId !== undefined ? 1 : 0,
        assigneeId: change.assigneeId ?? null,
        extensionReason: change.extensionReason ?? null,
        extendedDueOn:
          change.extensionReason === undefined ? null : getRequestDueDates(current.receivedOn).extendedDueOn,
        refusalReason: change.refusalReason ?? null,
        outcome: change.outcome === undefined ? null : JSON.stringify(change.outcome),
        closes: change.status === 'done' || change.status === 'refused' ? 1 : 0,
        now: Date.now(),
      });
      return get(projectRowId, requestId);
    },
  };
}
