import { z } from 'zod';
import { auditProject } from '../auth/audit.js';
import { projectProcedure, router } from '../trpc.js';
import { collectionSettingsProcedures } from './privacyCollectionSettings.js';
import { consentConfigProcedures } from './privacyConsentConfig.js';
import { personPrivacyProcedures } from './privacyPerson.js';
import { ledgerProcedures } from './privacyLedger.js';
import { retentionProcedures } from './privacyRetention.js';
import { privacyRequestsRouter } from './privacyRequests.js';
import { registerProcedures } from './privacyRegister.js';
import { withCursorCheck } from './withCursorCheck.js';

/** The privacy officer's API (roles `privacy` and `owner`, key scopes `privacy` and `admin`). */
export const privacyRouter = router({
  ...consentConfigProcedures,
  ...personPrivacyProcedures,
  ...ledgerProcedures,
  ...collectionSettingsProcedures,
  ...retentionProcedures,
  requests: privacyRequestsRouter,
  ...registerProcedures,
  /**
   * Consent decisions received, newest first, a page at a time. Each read is audited.
   * `cursor`: a `nextCursor` of this project's pages (an opaque string); another value is a 400.
   */
  consentRecords: projectProcedure
    .input(
      z.object({
        limit: z.number().int().min(1).max(500).default(100),
        cursor: z.string().min(1).max(100).optional(),
      }),
    )
    .query(async ({ ctx, input }) => {
      const page = await withCursorCheck(() => ctx.store.getConsentRecords(ctx.project.projectId, input));
      await auditProject(ctx, 'privacy.consentRecordsRead', { detail: { records: page.records.length } });
      return page;
    }),
});
