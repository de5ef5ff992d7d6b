import { LIMITS } from '@parcours/schema';
import type { CollectionSettings } from '@parcours/store';
import { z } from 'zod';
import { auditProject } from '../auth/audit.js';
import { projectProcedure } from '../trpc.js';

/** Most patterns in a query allow-list, and most property names exempt from redaction. */
export const COLLECTION_SETTINGS_LIMITS = { maxQueryPatterns: 50, maxExemptProperties: 100 } as const;

// Names as they appear in query strings (`filter[size]`), `*` at the end only, and at
// least one character before it: a bare `*` would keep every parameter, which is no minimum.
const QUERY_PATTERN = /^[A-Za-z0-9_.[\]-]+\*?$/;

const settingsChange = z.object({
  queryAllowList: z
    .array(
      z
        .string()
        .max(64)
        .regex(
          QUERY_PATTERN,
          'a parameter name (letters, digits, _ . - [ ]), optionally ending in * (at the end only)',
        ),
    )
    .max(COLLECTION_SETTINGS_LIMITS.maxQueryPatterns)
    .optional(),
  redactPii: z.boolean().optional(),
  piiExemptProperties: z
    .array(
      z
        .string()
        .min(1)
        .max(LIMITS.maxPropertyKeyLength + 'context.'.length),
    )
    .max(COLLECTION_SETTINGS_LIMITS.maxExemptProperties)
    .optional(),
});

const unique = (list: string[] | undefined) => list && [...new Set(list)];

// The audit log's detail is flat: lists as comma-separated text.
function toDetail(settings: CollectionSettings, prefix: '' | 'previous ') {
  return {
    [`${prefix}queryAllowList`]: settings.queryAllowList.join(', '),
    [`${prefix}redactPii`]: settings.redactPii,
    [`${prefix}piiExemptProperties`]: settings.piiExemptProperties.join(', '),
  };
}

/**
 * What the collector keeps (issue 9, "collect the minimum"), merged into
 * `privacyRouter`: the project's query allow-list and PII redaction settings.
 */
export const collectionSettingsProcedures = {
  /** `{ queryAllowList, redactPii, piiExemptProperties }` (see `CollectionSettings`; defaults `utm_*`, on, none). */
  collectionSettings: projectProcedure.query(({ ctx }) =>
    ctx.store.getCollectionSettings(ctx.project.projectId),
  ),

  /**
   * Changes the fields given (the others stay), for batches collected from then on;
   * lists are deduplicated. Answers the whole settings; audited with the old and the
   * new values (`privacy.collectionSettingsChanged`).
   */
  setCollectionSettings: projectProcedure.input(settingsChange).mutation(async ({ ctx, input }) => {
    const { projectId } = ctx.project;
    const before = await ctx.store.getCollectionSettings(projectId);
    const after = await ctx.store.setCollectionSettings(projectId, {
      ...(input.queryAllowList !== undefined && { queryAllowList: unique(input.queryAllowList) }),
      ...(input.redactPii !== undefined && { redactPii: input.redactPii }),
      ...(input.piiExemptProperties !== undefined && {
        piiExemptProperties: unique(input.piiExemptProperties),
      }),
    });
    await auditProject(ctx, 'privacy.collectionSettingsChanged', {
      detail: { ...toDetail(after, ''), ...toDetail(before, 'previous ') },
    });
    return after;
  }),
};
