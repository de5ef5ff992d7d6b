import type Database from 'better-sqlite3';
import { LEDGER_COLUMNS, type LedgerRow } from '../../consent/checkLedgerRow.js';
import type { ConsentLogFilter, ConsentRates, ConsentStats } from '../../consent/types.js';
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
    getStats(projectRowId: number, range: { from: number; to: number }): ConsentStats {
      const totals = newTally();
      const byVersion = new Map<string, Tally>();
      const byLanguage = new Map<string, Tally>();
      const byDay = new Map<string, Tally>();
      const rows = decisions.all(projectRowId, range.from, range.to) as Array<{
        received_at: number;
        policy_version: string;
        locale: string | null;
        action: string;
        gpc: number;
      }>;
      for (const row of rows) {
        const language = row.locale?.split('-')[0]?.toLowerCase() || 'unknown';
        const day = new Date(row.received_at).toISOString().slice(0, 10);
        for (const tally of [
          totals,
          tallyOf(byVersion, row.policy_version),
          tallyOf(byLanguage, language),
          tallyOf(byDay, day),
        ]) {
          count(tally, row.action, row.gpc === 1);
        }
      }
      return {
        totals: toRates(totals),
        byVersion: [...byVersion].map(([policyVersion, t]) => ({ policyVersion, ...toRates(t) })),
        byLanguage: [...byLanguage].map(([language, t]) => ({ language, ...toRates(t) })),
        byDay: [...byDay].sort(([a], [b]) => a.localeCompare(b)).map(([day, t]) => ({ day, ...toRates(t) })),
      };
    },
  };
}

interface Tally {
  decisions: number;
  acceptAll: number;
  refuseAll: number;
  custom: number;
  gpc: number;
}

function newTally(): Tally {
  return { decisions: 0, acceptAll: 0, refuseAll: 0, custom: 0, gpc: 0 };
}

function tallyOf(map: Map<string, Tally>, key: string): Tally {
  let tally = map.get(key);
  if (tally === undefined) map.set(key, (tally = newTally()));
  return tally;
}

/** Every record is a decision; withdrawals, re-consents and GPC defaults count in none of the three rates. */
function count(tally: Tally, action: string, gpc: boolean): void {
  tally.decisions++;
  if (action === 'accept_all') tally.acceptAll++;
  else if (action === 'refuse_all') tally.refuseAll++;
  else if (action === 'custom') tally.custom++;
  if (gpc) tally.gpc++;
}

function toRates({ gpc, ...counts }: Tally): ConsentRates {
  return { ...counts, gpcShare: counts.decisions === 0 ? 0 : gpc / counts.decisions };
}
