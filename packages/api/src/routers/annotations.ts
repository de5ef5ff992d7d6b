import { TRPCError } from '@trpc/server';
import { LIMITS } from '@parcours/schema';
import { INSIGHT_LIMITS } from '@parcours/store';
import { z } from 'zod';
import { auditProject } from '../auth/audit.js';
import { compareAnnotation } from '../insights/compareAnnotation.js';
import { projectProcedure, router } from '../trpc.js';

/** A day of the project's zone, `YYYY-MM-DD`, that exists in the calendar. */
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a day is YYYY-MM-DD')
  .refine((value) => new Date(`${value}T00:00:00Z`).toISOString().startsWith(value), {
    message: 'not a calendar day',
  });
const annotationId = z.string().min(1).max(64);

/** The longest period a before/after comparison takes, in days (the overview's own bound is above). */
export const MAX_COMPARE_DAYS = 90;

/**
 * Annotations: notes on a day or a range of days (a release, a campaign, a fix made on
 * a touchpoint), shown on every time chart. One tied to a touchpoint compares it
 * before and after. Journey readers read them; analysts and owners write.
 */
export const annotationsRouter = router({
  /** The project's annotations, by first day. */
  list: projectProcedure.query(({ ctx }) => ctx.store.listAnnotations(ctx.project.projectId)),

  create: projectProcedure
    .input(
      z
        .object({
          fromDay: day,
          /** Default `fromDay`: one day. */
          toDay: day.optional(),
          text: z.string().trim().min(1).max(INSIGHT_LIMITS.annotationTextLength),
          touchpoint: z.string().trim().min(1).max(LIMITS.maxNameLength).optional(),
        })
        .refine((v) => v.toDay === undefined || v.fromDay <= v.toDay, {
          message: 'toDay must not be before fromDay',
          path: ['toDay'],
        }),
    )
    .mutation(async ({ ctx, input }) => {
      const annotation = await ctx.store.createAnnotation({
        projectId: ctx.project.projectId,
        fromDay: input.fromDay,
        toDay: input.toDay ?? input.fromDay,
        text: input.text,
        touchpoint: input.touchpoint ?? null,
        createdBy: ctx.caller.actor.label,
      });
      await auditProject(ctx, 'annotation.created', { target: annotation.annotationId });
      return annotation;
    }),

  delete: projectProcedure.input(z.object({ annotationId })).mutation(async ({ ctx, input }) => {
    if (!(await ctx.store.deleteAnnotation(ctx.project.projectId, input.annotationId))) {
      throw new TRPCError({
        code: 'NOT_FOUND',
        message: `No annotation ${input.annotationId} in this project`,
      });
    }
    await auditProject(ctx, 'annotation.deleted', { target: input.annotationId });
    return { deleted: true as const };
  }),

  /**
   * Before and after an annotation tied to a touchpoint, over `days` days each side
   * (default 7): its exit rate and NPS, and the conversion rate.
   */
  compare: projectProcedure
    .input(z.object({ annotationId, days: z.number().int().min(1).max(MAX_COMPARE_DAYS).default(7) }))
    .query(async ({ ctx, input }) => {
      const annotation = (await ctx.store.listAnnotations(ctx.project.projectId)).find(
        (a) => a.annotationId === input.annotationId,
      );
      if (annotation === undefined) {
        throw new TRPCError({
          code: 'NOT_FOUND',
          message: `No annotation ${input.annotationId} in this project`,
        });
      }
      const { touchpoint } = annotation;
      if (touchpoint === null) {
        throw new TRPCError({
          code: 'BAD_REQUEST',
          message: 'annotationId: this annotation names no touchpoint to compare',
        });
      }
      const project = await ctx.store.getProject(ctx.project.projectId);
      return compareAnnotation(ctx.store, { ...annotation, touchpoint }, input.days, project?.timeZone);
    }),
});
