import type Database from 'better-sqlite3';
import { LEDGER_COLUMNS, type LedgerRow } from '../../consent/checkLedgerRow.js';
import { summariseConsentDecisions } from '../../consent/summariseConsentDecisions.js';
import type { ConsentLogFilter, ConsentStats } from '../../consent/types.js';
import { InvalidCursorError } from '../../InvalidCursorError.js';

/** The page cursor: the last `seq` seen, wrapped so that callers treat it as opaque. */
function encodeCursor(seq: number): string {
  return Buffer.from(`l${seq}`).toString('base64url');
}

function decodeCursor(cursor: string): number {
  const text = Buffer.from(cursor, 'base64url').toString();
  const seq = /^l([1-9]\d{0,15})$/.exec(text)?.[1];
  if (seq === undefined || encodeCursor(Number(seq)) !== cursor) {
    throw new InvalidCursorError('cursor is not one this consent log handed out: start again without it');
  }
  return Number(seq);
}

/**
 * The consent log (filters, newest first, a page at a time) and the consent analytics,
 * both read from the ledger alone, by project row id. One statement per read: an absent
 * filter is a NULL placeholder that matches every row.
 */
export function createConsentLedgerReads(db: Database.Database) {
  const log = db.prepare(`
    SELECT ${LEDGER_COLUMNS} FROM consent_records
    WHERE project_id = @project AND seq < @before
      AND (@search IS NULL OR anonymous_id = @search OR user_id = @search)
      AND (@from IS NULL OR received_at >= @from)
      AND (@to IS NULL OR received_at < @to)
      AND (@action IS NULL OR action = @action)
      AND (@version IS NULL OR policy_version = @version)
    ORDER BY seq DESC
    LIMIT @limit
  `);
  const hasSeq = db.prepare(`SELECT 1 FROM consent_records WHERE project_id = ? AND seq = ?`).pluck();
  const decisions = db.prepare(`
    SELECT received_at, policy_version, locale, action, gpc FROM consent_records
    WHERE project_id = ? AND received_at >= ? AND received_at < ?
    ORDER BY seq
  `);

  return {
    /** Rows newest first; `limit` undefined reads them all (the CSV export). */
    getLog(
      projectRowId: number,
      query: ConsentLogFilter & { limit?: number | undefined; cursor?: string | undefined },
    ): { rows: LedgerRow[]; nextCursor: string | null } {
      let before = Number.MAX_SAFE_INTEGER;
      if (query.cursor !== undefined) {
        before = decodeCursor(query.cursor);
        if (hasSeq.get(projectRowId, before) === undefined) {
          throw new InvalidCursorError(
            'cursor names no consent record of this project: start again without it',
          );
        }
      }
      const limit = query.limit ?? -1;
      const rows = log.all({
        project: projectRowId,
        before,
        search: query.search ?? null,
        from: query.from ?? null,
        to: query.to ?? null,
        action: query.action ?? null,
        version: query.policyVersion === undefined ? null : String(query.policyVersion),
        limit: limit === -1 ? -1 : limit + 1,
      }) as LedgerRow[];
      if (limit === -1 || rows.length <= limit) return { rows, nextCursor: null };
      const page = rows.slice(0, limit);
      return { rows: page, nextCursor: encodeCursor(page[page.length - 1]!.seq) };
    },
    getStats(projectRowId: number, range: { from: number; to: number; timeZone?: string }): ConsentStats {
      const rows = decisions.all(projectRowId, range.from, range.to) as Array<{
        received_at: number;
        policy_version: string;
        locale: string | null;
        action: string;
        gpc: number;
      }>;
      return summariseConsentDecisions(
        rows.map((row) => ({
          receivedAt: row.received_at,
          policyVersion: row.policy_version,
          locale: row.locale,
          action: row.action,
          gpc: row.gpc === 1,
        })),
        range.timeZone,
      );
    },
  };
}
