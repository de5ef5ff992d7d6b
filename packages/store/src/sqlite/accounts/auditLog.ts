import type Database from 'better-sqlite3';
import type { AuditEntry, AuditEntryInput, AuditQuery } from '../../accounts/types.js';

interface AuditRow {
  seq: number;
  at: number;
  project_public_id: string | null;
  actor_kind: AuditEntry['actor']['kind'];
  actor_id: string | null;
  actor_label: string;
  action: string;
  target: string | null;
  detail: string;
  ip: string | null;
}

function toAuditEntry(row: AuditRow): AuditEntry {
  const actor: AuditEntry['actor'] = { kind: row.actor_kind, label: row.actor_label };
  if (row.actor_id !== null) actor.id = row.actor_id;
  return {
    seq: row.seq,
    at: row.at,
    projectId: row.project_public_id,
    actor,
    action: row.action,
    target: row.target,
    detail: JSON.parse(row.detail) as AuditEntry['detail'],
    ip: row.ip,
  };
}

/**
 * The audit-log queries, prepared once. A project's log holds its own entries and
 * the instance-wide ones (sign-ins, failed sign-ins, password changes) of its
 * current members, by user id or by email.
 */
export function prepareAuditLogQueries(db: Database.Database) {
  const insertAuditEntry = db.prepare(`
    INSERT INTO audit_log (at, project_public_id, actor_kind, actor_id, actor_label, action, target, detail, ip)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
  `);
  const getAuditEntries = db.prepare(`
    WITH members AS (
      SELECT u.public_id, u.email FROM memberships m JOIN users u ON u.id = m.user_id
      JOIN projects p ON p.id = m.project_id WHERE p.public_id = @project
    )
    SELECT seq, at, project_public_id, actor_kind, actor_id, actor_label, action, target, detail, ip
    FROM audit_log
    WHERE seq < @before AND at >= @from AND at <= @to
      AND (project_public_id = @project OR (project_public_id IS NULL AND (
        actor_id IN (SELECT public_id FROM members) OR lower(target) IN (SELECT email FROM members))))
      AND (@action IS NULL OR substr(action, 1, length(@action)) = @action)
      AND (@actor IS NULL OR actor_label = @actor COLLATE NOCASE OR actor_id = @actor)
    ORDER BY seq DESC
    LIMIT @limit
  `);
  return {
    insertAuditEntry: (entry: AuditEntryInput, now: number) => {
      insertAuditEntry.run(
        now,
        entry.projectId ?? null,
        entry.actor.kind,
        entry.actor.id ?? null,
        entry.actor.label,
        entry.action,
        entry.target ?? null,
        JSON.stringify(entry.detail ?? {}),
        entry.ip ?? null,
      );
    },
    /** Entries older than `before` (a `seq`: the last of the previous page). */
    getAuditEntries: (projectId: string, query: Omit<AuditQuery, 'cursor'>, before: number) =>
      (
        getAuditEntries.all({
          project: projectId,
          before,
          from: query.from ?? 0,
          to: query.to ?? Number.MAX_SAFE_INTEGER,
          action: query.action ?? null,
          actor: query.actor ?? null,
          limit: query.limit,
        }) as AuditRow[]
      ).map(toAuditEntry),
  };
}
