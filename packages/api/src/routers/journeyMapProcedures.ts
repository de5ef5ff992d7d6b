import { TRPCError } from '@trpc/server';
import { JOURNEY_MAP_TEMPLATES, type Store } from '@parcours/store';
import { z } from 'zod';
import { auditProject } from '../auth/audit.js';
import { projectProcedure } from '../trpc.js';
import { journeyMapInput } from './journeyInputs.js';

const mapId = z.string().min(1).max(64);
const name = z.string().trim().min(1).max(100);

/** The map, or NOT_FOUND naming the id. */
async function requireMap(store: Store, projectId: string, id: string) {
  const map = await store.getJourneyMapRecord(projectId, id);
  if (map === undefined)
    throw new TRPCError({ code: 'NOT_FOUND', message: `No journey map ${id} in this project` });
  return map;
}

/**
 * A project's named journey maps (`journeys.maps`, `.map`, `.createMap`, `.saveMap`,
 * `.deleteMap`): the main map always exists; a save names the version its edit
 * started from, and one over a newer save is a 409 CONFLICT whose `data.journeyMap`
 * is that save, for the editor to show both. Part of the journeys router.
 */
export const journeyMapProcedures = {
  /** Every map of the project, the main map first. */
  maps: projectProcedure.query(({ ctx }) => ctx.store.listJourneyMaps(ctx.project.projectId)),

  /** One map, with its version. */
  map: projectProcedure
    .input(z.object({ mapId }))
    .query(({ ctx, input }) => requireMap(ctx.store, ctx.project.projectId, input.mapId)),

  /** A new map, blank (the five default stages) or from a template. */
  createMap: projectProcedure
    .input(z.object({ name, template: z.enum(['blank', ...JOURNEY_MAP_TEMPLATES]).default('blank') }))
    .mutation(async ({ ctx, input }) => {
      const map = await ctx.store.createJourneyMap(ctx.project.projectId, {
        ...input,
        updatedBy: ctx.caller.actor.label,
      });
      await auditProject(ctx, 'journeyMap.created', {
        target: map.mapId,
        detail: { name: map.name, template: input.template },
      });
      return map;
    }),

  /** Saves a map over `baseVersion`, the version the edit started from. */
  saveMap: projectProcedure
    .input(journeyMapInput.extend({ mapId, name, baseVersion: z.number().int().min(0) }))
    .mutation(async ({ ctx, input }) => {
      await requireMap(ctx.store, ctx.project.projectId, input.mapId);
      const map = await ctx.store.saveJourneyMap(ctx.project.projectId, {
        ...input,
        updatedBy: ctx.caller.actor.label,
      });
      await auditProject(ctx, 'journeyMap.updated', {
        target: map.mapId,
        detail: { stages: map.stages.length, version: map.version },
      });
      return map;
    }),

  /** Deletes a map; the main map cannot be (400). */
  deleteMap: projectProcedure.input(z.object({ mapId })).mutation(async ({ ctx, input }) => {
    const map = await requireMap(ctx.store, ctx.project.projectId, input.mapId);
    try {
      await ctx.store.deleteJourneyMap(ctx.project.projectId, input.mapId);
    } catch (error) {
      if (error instanceof RangeError) throw new TRPCError({ code: 'BAD_REQUEST', message: error.message });
      throw error;
    }
    await auditProject(ctx, 'journeyMap.deleted', { target: map.mapId, detail: { name: map.name } });
    return { deleted: true };
  }),
};
