import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { auditProject } from '../auth/audit.js';
import { projectProcedure, router } from '../trpc.js';

const projectInput = z.object({ projectId: z.string().min(1).max(64) });

/**
 * Signed identities (issue 13), owners only: the project's identity secret, with
 * which the site's backend signs user ids, and whether the collector requires it.
 */
export const identityRouter = router({
  /** `{ requireSignedIdentities, identitySecret }`; the secret is made on first call. */
  settings: projectProcedure
    .input(projectInput)
    .query(({ ctx }) => ctx.store.getIdentitySettings(ctx.project.projectId)),

  /**
   * Turns the requirement on or off and/or rotates the secret (the old one stops
   * working at once). Applies to events collected from then on; the audit log records
   * the change, never the secret.
   */
  update: projectProcedure
    .input(
      projectInput.extend({
        requireSignedIdentities: z.boolean().optional(),
        rotateSecret: z.boolean().optional(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const { requireSignedIdentities, rotateSecret } = input;
      if (requireSignedIdentities === undefined && rotateSecret !== true) {
        throw new TRPCError({
          code: 'BAD_REQUEST',
          message: 'requireSignedIdentities: give it, or rotateSecret: true, or both',
        });
      }
      const change = {
        ...(requireSignedIdentities !== undefined && { requireSignedIdentities }),
        ...(rotateSecret === true && { rotateSecret }),
      };
      const settings = await ctx.store.setIdentitySettings(ctx.project.projectId, change);
      await auditProject(ctx, 'identity.updated', { detail: change });
      return settings;
    }),
});
