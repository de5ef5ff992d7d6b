import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { timeZoneSchema } from './timeZoneSchema.js';
import { auditProject } from '../auth/audit.js';
import { anyProjectProcedure, projectProcedure, router } from '../trpc.js';

/** Project administration: the project itself (every role), renaming and deleting (owners). */
export const adminRouter = router({
  /**
   * The project, with the caller's role (null for a key) and whether it has received a
   * touchpoint yet (the dashboard's first-run page). Without `projectId`, a secret key
   * means its own project (what scripts and the 0.1 dashboard call).
   */
  project: anyProjectProcedure
    .input(z.object({ projectId: z.string().min(1).max(64).optional() }).optional())
    .query(async ({ ctx }) => ({
      projectId: ctx.project.projectId,
      name: ctx.project.name,
      writeKey: ctx.project.writeKey,
      /** The IANA zone the project's days, weeks and date ranges follow. */
      timeZone: ctx.project.timeZone,
      role: ctx.caller.role,
      // One row of an index, whatever the project's size.
      hasTouchpoints: (await ctx.store.getLatestEvents(ctx.project.projectId, { limit: 1 })).length > 0,
    })),

  renameProject: projectProcedure
    .input(z.object({ name: z.string().trim().min(1).max(100) }))
    .mutation(async ({ ctx, input }) => {
      await ctx.store.renameProject(ctx.project.projectId, input.name);
      await auditProject(ctx, 'project.renamed', { detail: { from: ctx.project.name, to: input.name } });
      return { projectId: ctx.project.projectId, name: input.name };
    }),

  /** Sets the zone the project's days follow (an IANA name, `Europe/Paris`); audit-logged. */
  setTimeZone: projectProcedure
    .input(z.object({ timeZone: timeZoneSchema }))
    .mutation(async ({ ctx, input }) => {
      await ctx.store.setProjectTimeZone(ctx.project.projectId, input.timeZone);
      await auditProject(ctx, 'project.timeZoneChanged', {
        detail: { from: ctx.project.timeZone, to: input.timeZone },
      });
      return { projectId: ctx.project.projectId, timeZone: input.timeZone };
    }),

  /** Deletes the project and every row it holds; the caller types its name to confirm. */
  deleteProject: projectProcedure
    .input(z.object({ confirmName: z.string().max(100) }))
    .mutation(async ({ ctx, input }) => {
      if (input.confirmName !== ctx.project.name) {
        throw new TRPCError({
          code: 'BAD_REQUEST',
          message: `confirmName: type the project's name, "${ctx.project.name}"`,
        });
      }
      await auditProject(ctx, 'project.deleted', { target: ctx.project.name });
      await ctx.store.deleteProject(ctx.project.projectId);
      return { deleted: true as const };
    }),
});
