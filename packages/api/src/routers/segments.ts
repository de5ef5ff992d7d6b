import { TRPCError } from '@trpc/server';
import { segmentFieldsSchema } from '@parcours/schema';
import { z } from 'zod';
import { auditProject } from '../auth/audit.js';
import { projectProcedure, router } from '../trpc.js';
import { segmentIdSchema } from './segmentInput.js';

const segmentRef = z.object({ segmentId: segmentIdSchema });

const notFound = (segmentId: string) =>
  new TRPCError({ code: 'NOT_FOUND', message: `This project has no segment ${segmentId}` });

/**
 * A project's saved segments (issue 11, item 2): who may read journeys lists them,
 * analysts and owners edit them; every change is in the audit log. A segment narrows
 * any journey question (`segment: { id }`).
 */
export const segmentsRouter = router({
  /** The project's segments, oldest first. */
  list: projectProcedure.query(({ ctx }) => ctx.store.listSegments(ctx.project.projectId)),

  get: projectProcedure.input(segmentRef).query(async ({ ctx, input }) => {
    const segment = await ctx.store.getSegment(ctx.project.projectId, input.segmentId);
    if (segment === undefined) throw notFound(input.segmentId);
    return segment;
  }),

  create: projectProcedure.input(segmentFieldsSchema).mutation(async ({ ctx, input }) => {
    const segment = await ctx.store.createSegment(ctx.project.projectId, input);
    await auditProject(ctx, 'segment.created', { target: segment.segmentId, detail: { name: segment.name } });
    return segment;
  }),

  /** Replaces a segment's name, description, definition and persona flag. */
  update: projectProcedure
    .input(segmentFieldsSchema.extend(segmentRef.shape))
    .mutation(async ({ ctx, input }) => {
      const { segmentId, ...fields } = input;
      const segment = await ctx.store.updateSegment(ctx.project.projectId, segmentId, fields);
      if (segment === undefined) throw notFound(segmentId);
      await auditProject(ctx, 'segment.updated', { target: segmentId, detail: { name: segment.name } });
      return segment;
    }),

  delete: projectProcedure.input(segmentRef).mutation(async ({ ctx, input }) => {
    if (!(await ctx.store.deleteSegment(ctx.project.projectId, input.segmentId)))
      throw notFound(input.segmentId);
    await auditProject(ctx, 'segment.deleted', { target: input.segmentId });
    return { deleted: true as const };
  }),
});
