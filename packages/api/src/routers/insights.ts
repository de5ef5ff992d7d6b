import { TRPCError } from '@trpc/server';
import { INSIGHT_LIMITS, INSIGHT_VIEWS, type Insight, type InsightView } from '@parcours/store';
import { z } from 'zod';
import { auditProject } from '../auth/audit.js';
import { projectProcedure, router } from '../trpc.js';
import { viewParamsInput } from './viewParams.js';

const insightId = z.string().min(1).max(64);
const name = z.string().trim().min(1).max(INSIGHT_LIMITS.nameLength);
const description = z.string().trim().max(INSIGHT_LIMITS.descriptionLength);

/**
 * The URL state an insight keeps. A persons list's `search` is an id prefix, which can
 * name a person: it is not saved (the erasure registry has no person in insights).
 */
function toSavedParams(view: InsightView, params: Record<string, string>): Record<string, string> {
  if (view !== 'persons') return params;
  const { search: _search, ...rest } = params;
  return rest;
}

/** Whether an insight's name or description holds `search`, case aside. */
function matches(insight: Insight, search: string | undefined): boolean {
  if (search === undefined) return true;
  const needle = search.toLocaleLowerCase();
  return [insight.name, insight.description].some((text) => text.toLocaleLowerCase().includes(needle));
}

/** The insight, or NOT_FOUND naming it. */
export function notFoundInsight(id: string): TRPCError {
  return new TRPCError({ code: 'NOT_FOUND', message: `No saved insight ${id} in this project` });
}

/**
 * Saved insights: a page (overview, funnel, paths, journey map, persons, retention,
 * friction) with its URL state, named and described. Journey readers list them;
 * analysts and owners save, edit and delete.
 */
export const insightsRouter = router({
  /** The project's insights, oldest first; `search` keeps those whose name or description holds it. */
  list: projectProcedure
    .input(z.object({ search: z.string().trim().min(1).max(200).optional() }))
    .query(async ({ ctx, input }) =>
      (await ctx.store.listInsights(ctx.project.projectId)).filter((insight) =>
        matches(insight, input.search),
      ),
    ),

  create: projectProcedure
    .input(
      z.object({
        name,
        description: description.default(''),
        view: z.enum(INSIGHT_VIEWS),
        params: viewParamsInput,
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const insight = await ctx.store.createInsight({
        projectId: ctx.project.projectId,
        name: input.name,
        description: input.description,
        view: input.view,
        params: toSavedParams(input.view, input.params),
        createdBy: ctx.caller.actor.label,
      });
      await auditProject(ctx, 'insight.created', {
        target: insight.insightId,
        detail: { view: insight.view },
      });
      return insight;
    }),

  update: projectProcedure
    .input(
      z.object({
        insightId,
        name: name.optional(),
        description: description.optional(),
        params: viewParamsInput.optional(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const { projectId } = ctx.project;
      const current = (await ctx.store.listInsights(projectId)).find((i) => i.insightId === input.insightId);
      if (current === undefined) throw notFoundInsight(input.insightId);
      const updated = await ctx.store.updateInsight(projectId, input.insightId, {
        ...(input.name !== undefined && { name: input.name }),
        ...(input.description !== undefined && { description: input.description }),
        ...(input.params !== undefined && { params: toSavedParams(current.view, input.params) }),
      });
      if (updated === undefined) throw notFoundInsight(input.insightId);
      await auditProject(ctx, 'insight.updated', { target: input.insightId });
      return updated;
    }),

  /** Deletes an insight; its tiles leave every dashboard. */
  delete: projectProcedure.input(z.object({ insightId })).mutation(async ({ ctx, input }) => {
    if (!(await ctx.store.deleteInsight(ctx.project.projectId, input.insightId))) {
      throw notFoundInsight(input.insightId);
    }
    await auditProject(ctx, 'insight.deleted', { target: input.insightId });
    return { deleted: true as const };
  }),
});
