import type { AuditEntry } from '@parcours/store';
import { z } from 'zod';
import { toCsv } from '../csv/toCsv.js';
import { projectProcedure, router } from '../trpc.js';
import { withCursorCheck } from './withCursorCheck.js';

/** Most entries one CSV export holds. */
const MAX_EXPORT = 100_000;

const filters = z.object({
  projectId: z.string().min(1).max(64),
  action: z.string().min(1).max(64).optional(),
  actor: z.string().min(1).max(254).optional(),
  from: z.number().int().min(0).optional(),
  to: z.number().int().min(0).optional(),
});

function toRow(entry: AuditEntry) {
  return [
    new Date(entry.at).toISOString(),
    entry.actor.kind,
    entry.actor.label,
    entry.action,
    entry.target,
    Object.keys(entry.detail).length === 0 ? '' : JSON.stringify(entry.detail),
    entry.ip,
  ];
}

/** The audit log: who did what and when (owners and privacy officers). */
export const auditRouter = router({
  /** Newest first, filtered, a page at a time. A cursor that is not a `nextCursor` (opaque) is a 400. */
  list: projectProcedure
    .input(
      filters.extend({
        limit: z.number().int().min(1).max(200).default(50),
        cursor: z.string().min(1).max(100).optional(),
      }),
    )
    .query(({ ctx, input }) => withCursorCheck(() => ctx.store.getAuditLog(ctx.project.projectId, input))),

  /** The filtered log as one CSV file. */
  exportCsv: projectProcedure.input(filters).query(async ({ ctx, input }) => {
    const rows: ReturnType<typeof toRow>[] = [];
    let cursor: string | undefined;
    do {
      const page = await ctx.store.getAuditLog(ctx.project.projectId, { ...input, limit: 1_000, cursor });
      rows.push(...page.entries.map(toRow));
      cursor = page.nextCursor ?? undefined;
    } while (cursor !== undefined && rows.length < MAX_EXPORT);
    const day = new Date().toISOString().slice(0, 10);
    return {
      filename: `parcours-audit-${ctx.project.projectId}-${day}.csv`,
      csv: toCsv(['time', 'actor_kind', 'actor', 'action', 'target', 'detail', 'ip'], rows),
    };
  }),
});
