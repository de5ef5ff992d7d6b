import type { ClickHouseClient } from '@clickhouse/client';
import {
  decodePageCursor,
  encodePageCursor,
  InvalidCursorError,
  parseSeqPosition,
  type AccountStore,
  type AuditEntry,
} from '@parcours/store';

/** The tag of audit-log cursors, as on every engine (see `encodePageCursor`). */
const AUDIT_CURSOR = 'a1';
import { quoteDatabaseName, quoteInteger, quoteString } from '../sqlLiteral.js';
import { nextVersion } from './nextVersion.js';

interface AuditRow {
  project_id: string;
  seq: string;
  at: string;
  actor: string;
  action: string;
  target: string | null;
  detail: string;
  ip: string | null;
}

/**
 * The audit log in ClickHouse: append-only (nothing here updates or deletes it),
 * `seq` from `nextVersion` (increasing per process). A project's log holds its
 * entries and the instance-wide ones of its current members (by user id, or by email
 * as target), as in SQLite; `members` supplies them.
 */
export function createAuditLog(
  client: ClickHouseClient,
  database: string,
  members: (projectId: string) => Promise<Array<{ userId: string; email: string }>>,
): Pick<AccountStore, 'appendAudit' | 'getAuditLog'> {
  const db = quoteDatabaseName(database);
  return {
    async appendAudit(entry) {
      await client.insert({
        table: `${db}.audit_log`,
        format: 'JSONEachRow',
        values: [
          {
            project_id: entry.projectId ?? '',
            seq: nextVersion(),
            at: Date.now(),
            actor: JSON.stringify(entry.actor),
            action: entry.action,
            target: entry.target ?? null,
            detail: JSON.stringify(entry.detail ?? {}),
            ip: entry.ip ?? null,
          },
        ],
      });
    },
    async getAuditLog(projectId, query) {
      const before =
        query.cursor === undefined
          ? Number.MAX_SAFE_INTEGER
          : parseSeqPosition(decodePageCursor(AUDIT_CURSOR, query.cursor));
      if (before === undefined)
        throw new InvalidCursorError('not an audit-log cursor: start again without a cursor');
      const people = await members(projectId);
      const ids = new Set(people.map((member) => member.userId));
      const emails = new Set(people.map((member) => member.email));
      const actor = query.actor?.toLowerCase();
      const result = await client.query({
        query: `SELECT project_id, seq, at, actor, action, target, detail, ip FROM ${db}.audit_log
          WHERE project_id IN (${quoteString(projectId)}, '')
            AND seq < ${quoteInteger(before)}
            AND at >= ${quoteInteger(query.from ?? 0)} AND at <= ${quoteInteger(query.to ?? Number.MAX_SAFE_INTEGER)}
            ${query.action === undefined ? '' : `AND substring(action, 1, ${quoteInteger(query.action.length)}) = ${quoteString(query.action)}`}
          ORDER BY seq DESC`,
        format: 'JSONEachRow',
      });
      const entries: AuditEntry[] = [];
      // Member and actor filters in Node: the log of one project is small, and the
      // members live in the records table.
      for (const row of await result.json<AuditRow>()) {
        const who = JSON.parse(row.actor) as AuditEntry['actor'];
        if (row.project_id === '') {
          const isMember =
            (who.id !== undefined && ids.has(who.id)) ||
            (row.target !== null && emails.has(row.target.toLowerCase()));
          if (!isMember) continue;
        }
        if (actor !== undefined && who.label.toLowerCase() !== actor && who.id !== query.actor) continue;
        entries.push({
          seq: Number(row.seq),
          at: Number(row.at),
          projectId: row.project_id === '' ? null : row.project_id,
          actor: who,
          action: row.action,
          target: row.target,
          detail: JSON.parse(row.detail) as AuditEntry['detail'],
          ip: row.ip,
        });
        if (entries.length > query.limit) break;
      }
      const page = entries.slice(0, query.limit);
      return {
        entries: page,
        nextCursor:
          entries.length > query.limit
            ? encodePageCursor(AUDIT_CURSOR, String(page[page.length - 1]!.seq))
            : null,
      };
    },
  };
}
