import { CONSENT_ACTIONS } from '@parcours/schema';
import type { LedgerEntry } from '@parcours/store';
import { z } from 'zod';
import { auditProject } from '../auth/audit.js';
import { toCsv } from '../csv/toCsv.js';
import { projectProcedure } from '../trpc.js';
import { withCursorCheck } from './withCursorCheck.js';

/** The most rows one CSV export holds (the log's newest first). */
const MAX_EXPORT = 100_000;
const epochMs = z.number().int().min(0);

const filters = z.object({
  /** An anonymous id or a user id, matched exactly. */
  search: z.string().min(1).max(200).optional(),
  from: epochMs.optional(),
  to: epochMs.optional(),
  action: z.enum(CONSENT_ACTIONS).optional(),
  policyVersion: z.number().int().min(1).optional(),
});

const CSV_HEADER = [
  'seq',
  'record_id',
  'timestamp',
  'received_at',
  'action',
  'source',
  'granted',
  'denied',
  'policy_version',
  'config_hash',
  'locale',
  'origin',
  'path',
  'gpc',
  'anonymous_id',
  'user_id',
  'verified',
] as const;

function toCsvRow(entry: LedgerEntry) {
  return [
    entry.seq,
    entry.recordId,
    new Date(entry.timestamp).toISOString(),
    new Date(entry.receivedAt).toISOString(),
    entry.action,
    entry.source,
    entry.granted.join(' '),
    entry.denied.join(' '),
    entry.policyVersion,
    entry.configHash,
    entry.locale,
    entry.origin,
    entry.path,
    entry.gpc,
    entry.anonymousId,
    entry.userId,
    entry.verified,
  ];
}

/**
 * The consent ledger's reads (issue 8), merged into `privacyRouter`: the chain's
 * verification, the log (filtered, paged, CSV) and the analytics. Reads naming
 * people (the log and its export) are audited.
 */
export const ledgerProcedures = {
  /** Walks the project's chain: `{ ok, records, firstBroken? }`. */
  verifyLedger: projectProcedure.query(({ ctx }) => ctx.store.verifyLedger(ctx.project.projectId)),

  /** Ledger records newest first; each says whether its chain link verifies. A bad cursor is a 400. */
  consentLog: projectProcedure
    .input(
      filters.extend({
        limit: z.number().int().min(1).max(500).default(100),
        cursor: z.string().min(1).max(100).optional(),
      }),
    )
    .query(async ({ ctx, input }) => {
      const page = await withCursorCheck(() => ctx.store.getConsentLog(ctx.project.projectId, input));
      await auditProject(ctx, 'privacy.consentLogRead', { detail: { records: page.records.length } });
      return page;
    }),

  /** The filtered log as one CSV file (at most 100,000 rows, newest first). */
  consentLogCsv: projectProcedure.input(filters).query(async ({ ctx, input }) => {
    const rows: ReturnType<typeof toCsvRow>[] = [];
    let cursor: string | undefined;
    do {
      const page = await ctx.store.getConsentLog(ctx.project.projectId, { ...input, limit: 1_000, cursor });
      rows.push(...page.records.map(toCsvRow));
      cursor = page.nextCursor ?? undefined;
    } while (cursor !== undefined && rows.length < MAX_EXPORT);
    await auditProject(ctx, 'privacy.consentLogExported', { detail: { records: rows.length } });
    const day = new Date().toISOString().slice(0, 10);
    return {
      filename: `parcours-consent-log-${ctx.project.projectId}-${day}.csv`,
      csv: toCsv(CSV_HEADER, rows.slice(0, MAX_EXPORT)),
    };
  }),

  /** Decision rates per version, language and UTC day over `[from, to)`, from the ledger alone. */
  consentStats: projectProcedure
    .input(z.object({ from: epochMs, to: epochMs }))
    .query(({ ctx, input }) =>
      ctx.store.getConsentStats(ctx.project.projectId, { from: input.from, to: input.to }),
    ),
};
