import { TRPCError } from '@trpc/server';
import { KEY_SCOPES } from '@parcours/store';
import { z } from 'zod';
import { auditProject } from '../auth/audit.js';
import { projectProcedure, router } from '../trpc.js';

const projectInput = z.object({ projectId: z.string().min(1).max(64) });

/** The project's secret keys, for scripts and curl (owners only). */
export const keysRouter = router({
  /** The keys, by prefix and label: a key is shown only once, when made. */
  list: projectProcedure
    .input(projectInput)
    .query(({ ctx }) => ctx.store.listSecretKeys(ctx.project.projectId)),

  /**
   * Makes a key with a scope: `read` (journey queries), `privacy` (privacy procedures),
   * `admin` (everything an owner can do) or `ingest` (a trusted server-side source sending
   * touchpoints: its batches without a consent list store every category).
   */
  create: projectProcedure
    .input(projectInput.extend({ scope: z.enum(KEY_SCOPES), label: z.string().trim().min(1).max(100) }))
    .mutation(async ({ ctx, input }) => {
      const created = await ctx.store.createSecretKey(ctx.project.projectId, input);
      await auditProject(ctx, 'key.created', {
        target: `${created.prefix}… (${created.label})`,
        detail: { scope: created.scope },
      });
      return created;
    }),

  /** Revokes a key: it stops working at once. */
  revoke: projectProcedure
    .input(projectInput.extend({ keyId: z.string().min(1).max(64) }))
    .mutation(async ({ ctx, input }) => {
      const key = (await ctx.store.listSecretKeys(ctx.project.projectId)).find(
        (k) => k.keyId === input.keyId,
      );
      if (key === undefined || !(await ctx.store.revokeSecretKey(ctx.project.projectId, input.keyId))) {
        throw new TRPCError({ code: 'NOT_FOUND', message: `No key ${input.keyId}` });
      }
      await auditProject(ctx, 'key.revoked', {
        target: `${key.prefix}… (${key.label})`,
        detail: { scope: key.scope },
      });
      return { revoked: true as const };
    }),
});
