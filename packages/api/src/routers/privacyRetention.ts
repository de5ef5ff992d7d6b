import { RETENTION_LIMITS } from '@parcours/store';
import { z } from 'zod';
import { auditProject } from '../auth/audit.js';
import { purgeWithReceipt } from '../retention/purgeWithReceipt.js';
import { projectProcedure } from '../trpc.js';

const { eventsMonths, ledgerProofYears } = RETENTION_LIMITS;

/**
 * Retention (issue 9, items 3 and 5), merged into `privacyRouter`: the settings,
 * changing them, and a purge on demand. Every change and every purge is audited.
 */
export const retentionProcedures = {
  /** `{ eventsMonths, ledgerProofYears, withdrawalErases }` (defaults 25, 5, true). */
  retention: projectProcedure.query(({ ctx }) => ctx.store.getRetention(ctx.project.projectId)),

  /**
   * Sets the retention of events (1–25 calendar months), optionally the ledger's
   * proof period (1–10 years after the consent ended) and whether a consent
   * withdrawal erases the device's data; answers the settings. Takes effect at the
   * next purge (at start, daily, or `purgeNow`).
   */
  setRetention: projectProcedure
    .input(
      z.object({
        eventsMonths: z.number().int().min(eventsMonths.min).max(eventsMonths.max),
        ledgerProofYears: z.number().int().min(ledgerProofYears.min).max(ledgerProofYears.max).optional(),
        withdrawalErases: z.boolean().optional(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const { projectId: _, ...change } = input;
      const settings = await ctx.store.setRetention(ctx.project.projectId, change);
      await auditProject(ctx, 'privacy.retentionChanged', { detail: { ...settings } });
      return settings;
    }),

  /** Purges now; answers the receipt (`{ purgeId, purgedAt, eventsBefore, ledgerEndedBefore, tables }`). */
  purgeNow: projectProcedure.mutation(({ ctx }) =>
    purgeWithReceipt(ctx.store, ctx.project.projectId, { actor: ctx.caller.actor, ip: ctx.request?.ip }),
  ),
};
