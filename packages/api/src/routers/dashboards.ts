import { TRPCError } from '@trpc/server';
import { INSIGHT_LIMITS, type Dashboard, type Store } from '@parcours/store';
import { z } from 'zod';
import { auditProject } from '../auth/audit.js';
import { ensureDefaultDashboard } from '../insights/ensureDefaultDashboard.js';
import { projectProcedure, router } from '../trpc.js';

const dashboardId = z.string().min(1).max(64);
const name = z.string().trim().min(1).max(INSIGHT_LIMITS.nameLength);
const description = z.string().trim().max(INSIGHT_LIMITS.descriptionLength);
const insightIds = z.array(z.string().min(1).max(64)).max(INSIGHT_LIMITS.tiles);

function notFound(id: string): TRPCError {
  return new TRPCError({ code: 'NOT_FOUND', message: `No dashboard ${id} in this project` });
}

/** A store refusal of tiles (not an insight of the project, twice) is the caller's to fix. */
async function refusingBadTiles<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof RangeError) {
      throw new TRPCError({ code: 'BAD_REQUEST', message: `insightIds: ${error.message}`, cause: error });
    }
    throw error;
  }
}

/** A dashboard with its tiles' insights, in tile order. */
async function withInsights(store: Store, dashboard: Dashboard) {
  const byId = new Map((await store.listInsights(dashboard.projectId)).map((i) => [i.insightId, i]));
  return { ...dashboard, tiles: dashboard.insightIds.flatMap((id) => byId.get(id) ?? []) };
}

/**
 * Dashboards: named grids of saved insights that refresh together. A project's default
 * dashboard is its home page. Journey readers open them; analysts and owners edit.
 */
export const dashboardsRouter = router({
  /** The project's dashboards, the default first (made on the first call, as `home`). */
  list: projectProcedure.query(async ({ ctx }) => {
    await ensureDefaultDashboard(ctx.store, ctx.project.projectId, ctx.caller.actor.label);
    return ctx.store.listDashboards(ctx.project.projectId);
  }),

  /** The home page: the default dashboard with its insights, one overview tile until edited. */
  home: projectProcedure.query(async ({ ctx }) =>
    withInsights(
      ctx.store,
      await ensureDefaultDashboard(ctx.store, ctx.project.projectId, ctx.caller.actor.label),
    ),
  ),

  get: projectProcedure.input(z.object({ dashboardId })).query(async ({ ctx, input }) => {
    const dashboard = await ctx.store.getDashboard(ctx.project.projectId, input.dashboardId);
    if (dashboard === undefined) throw notFound(input.dashboardId);
    return withInsights(ctx.store, dashboard);
  }),

  create: projectProcedure
    .input(z.object({ name, description: description.default(''), insightIds: insightIds.default([]) }))
    .mutation(async ({ ctx, input }) => {
      const dashboard = await refusingBadTiles(() =>
        ctx.store.createDashboard({
          projectId: ctx.project.projectId,
          name: input.name,
          description: input.description,
          insightIds: input.insightIds,
          createdBy: ctx.caller.actor.label,
        }),
      );
      await auditProject(ctx, 'dashboard.created', { target: dashboard.dashboardId });
      return dashboard;
    }),

  /** Renames, or adds, removes and reorders tiles: `insightIds` is the new grid, in order. */
  update: projectProcedure
    .input(
      z.object({
        dashboardId,
        name: name.optional(),
        description: description.optional(),
        insightIds: insightIds.optional(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const { dashboardId: id, name, description, insightIds } = input;
      const change = { name, description, insightIds };
      const dashboard = await refusingBadTiles(() =>
        ctx.store.updateDashboard(ctx.project.projectId, id, change),
      );
      if (dashboard === undefined) throw notFound(id);
      await auditProject(ctx, 'dashboard.updated', { target: id });
      return dashboard;
    }),

  /** Deletes a dashboard (not its insights). The default one stays: it is the home page. */
  delete: projectProcedure.input(z.object({ dashboardId })).mutation(async ({ ctx, input }) => {
    const dashboard = await ctx.store.getDashboard(ctx.project.projectId, input.dashboardId);
    if (dashboard === undefined) throw notFound(input.dashboardId);
    if (dashboard.isDefault) {
      throw new TRPCError({
        code: 'BAD_REQUEST',
        message: 'dashboardId: the default dashboard is the home page and cannot be deleted',
      });
    }
    await ctx.store.deleteDashboard(ctx.project.projectId, input.dashboardId);
    await auditProject(ctx, 'dashboard.deleted', { target: input.dashboardId });
    return { deleted: true as const };
  }),
});
