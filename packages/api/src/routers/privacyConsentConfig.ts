import { TRPCError } from '@trpc/server';
import { consentConfigInputSchema } from '@parcours/schema';
import type { ConsentPublisher } from '@parcours/store';
import { z } from 'zod';
import { auditProject } from '../auth/audit.js';
import type { AuthorisedContext } from '../context.js';
import { projectProcedure } from '../trpc.js';

/** Who publishes: the signed-in member (id and name) or the secret key (its label). */
function toPublisher(ctx: AuthorisedContext): ConsentPublisher {
  const { user, actor } = ctx.caller;
  if (user !== undefined) return { userId: user.userId, name: user.name };
  return { key: actor.label };
}

/**
 * The privacy officer's consent settings (issue 8), merged into `privacyRouter`:
 * the current published version, publishing the next one, and the versions list.
 */
export const consentConfigProcedures = {
  /** The current published config: `ConsentConfigInput` with `policyVersion`, `configHash`, `publishedAt`. */
  consentConfig: projectProcedure.query(({ ctx }) => ctx.store.getConsentConfig(ctx.project.projectId)),

  /**
   * Publishes the input as the next version (+1), even if nothing changed: the
   * version says when the privacy officer stood behind these texts. Validated whole
   * (`consentConfigInputSchema`; an error names the field), with a minimum version no
   * higher than the one published; audited.
   */
  publishConsentConfig: projectProcedure.input(consentConfigInputSchema).mutation(async ({ ctx, input }) => {
    const { projectId: _, ...config } = input;
    // A minimum above the version being published would refuse every batch until
    // later versions exist: surely a typo.
    const next = (await ctx.store.getConsentPolicy(ctx.project.projectId)).policyVersion + 1;
    if (config.minimumPolicyVersion !== null && config.minimumPolicyVersion > next) {
      throw new TRPCError({
        code: 'BAD_REQUEST',
        message: `minimumPolicyVersion: at most ${next}, the version this publishes`,
      });
    }
    const published = await ctx.store.publishConsentConfig(ctx.project.projectId, config, toPublisher(ctx));
    await auditProject(ctx, 'privacy.consentConfigPublished', {
      target: `v${published.policyVersion}`,
      detail: {
        policyVersion: published.policyVersion,
        configHash: published.configHash,
        minimumPolicyVersion: config.minimumPolicyVersion,
      },
    });
    return published;
  }),

  /** Every published version, newest first: `{ policyVersion, configHash, publishedAt, publishedBy }`. */
  consentConfigVersions: projectProcedure.query(({ ctx }) =>
    ctx.store.getConsentConfigVersions(ctx.project.projectId),
  ),

  /** One published version, whole (the dashboard diffs two); NOT_FOUND when never published. */
  consentConfigVersion: projectProcedure
    .input(z.object({ policyVersion: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER) }))
    .query(async ({ ctx, input }) => {
      const config = await ctx.store.getConsentConfigVersion(ctx.project.projectId, input.policyVersion);
      if (config === undefined) {
        throw new TRPCError({
          code: 'NOT_FOUND',
          message: `policyVersion: version ${input.policyVersion} was never published`,
        });
      }
      return config;
    }),
};
