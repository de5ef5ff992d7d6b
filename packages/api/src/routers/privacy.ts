import { z } from 'zod';
import { projectProcedure, router } from '../trpc.js';

/** The privacy officer's API: consent proof (data-subject requests come next). */
export const privacyRouter = router({
  /** Consent decisions received, newest first, a page at a time. */
  consentRecords: projectProcedure
    .input(
      z.object({
        limit: z.number().int().min(1).max(500).default(100),
        cursor: z.number().int().min(1).optional(),
      }),
    )
    .query(({ ctx, input }) => ctx.store.getConsentRecords(ctx.project.projectId, input)),
});
