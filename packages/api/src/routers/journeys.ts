import { TRPCError } from '@trpc/server';
import type { PersonRef } from '@parcours/store';
import type { z } from 'zod';
import { auditProject } from '../auth/audit.js';
import { projectProcedure, router } from '../trpc.js';
import {
  driversInput,
  cohortRetentionInput,
  dropoffInput,
  frictionInput,
  funnelInput,
  identityLinkInput,
  journeyMapInput,
  overviewInput,
  pathPersonsInput,
  pathsInput,
  personInput,
  personsInput,
  stagesInput,
} from './journeyInputs.js';
import { journeyMapProcedures } from './journeyMapProcedures.js';
import { resolveSegment } from './resolveSegment.js';
import { withCursorCheck } from './withCursorCheck.js';

function toPersonRef(input: z.infer<typeof personInput>): PersonRef {
  if (input.userId !== undefined) return { userId: input.userId };
  if (input.anonymousId !== undefined) return { anonymousId: input.anonymousId };
  return { personId: input.personId! };
}

/** The journey API: members by role, or a secret key by scope (see `permissions.ts`). */
export const journeysRouter = router({
  /** A person's cross-channel timeline, every linked device and login merged. */
  person: projectProcedure.input(personInput).query(async ({ ctx, input }) => {
    const ref = toPersonRef(input);
    const timeline = await ctx.store.getPersonTimeline(ctx.project.projectId, ref, {
      limit: input.limit,
    });
    if (timeline === undefined) {
      const [kind, value] = Object.entries(ref)[0]!;
      throw new TRPCError({ code: 'NOT_FOUND', message: `No person with ${kind} "${value}"` });
    }
    return timeline;
  }),

  /**
   * Persons matching a search (id prefix or property value) and filters (channel, stage
   * reached, first and last seen), sorted, a page at a time.
   */
  persons: projectProcedure.input(personsInput).query(async ({ ctx, input }) => {
    if (input.stage !== undefined) {
      const map = await ctx.store.getJourneyMap(ctx.project.projectId);
      if (!map.some((stage) => stage.name === input.stage)) {
        throw new TRPCError({
          code: 'BAD_REQUEST',
          message: `stage: the journey map has no stage "${input.stage}" (it has ${map.map((s) => `"${s.name}"`).join(', ')})`,
        });
      }
    }
    const query = await resolveSegment(ctx, input);
    return withCursorCheck(() => ctx.store.getPersons(ctx.project.projectId, query));
  }),

  /** A person's profile: latest traits, first and last seen, channels and stages reached. */
  /**
   * Un-merges a wrong link: the device's events keep the user id as a claim only, and
   * every answer counts the device apart. 404 when the device never joined the user.
   * The audit entry counts the events, without the ids (the audit log outlives an
   * erasure).
   */
  unlinkIdentity: projectProcedure.input(identityLinkInput).mutation(async ({ ctx, input }) => {
    const { events } = await ctx.store.unlinkIdentity(ctx.project.projectId, input);
    if (events === 0) {
      throw new TRPCError({
        code: 'NOT_FOUND',
        message: `No link between device "${input.anonymousId}" and user "${input.userId}"`,
      });
    }
    await auditProject(ctx, 'person.unlinked', { detail: { events } });
    return { events };
  }),

  personProfile: projectProcedure.input(personInput).query(async ({ ctx, input }) => {
    const ref = toPersonRef(input);
    const profile = await ctx.store.getPersonProfile(ctx.project.projectId, ref);
    if (profile === undefined) {
      const [kind, value] = Object.entries(ref)[0]!;
      throw new TRPCError({
        code: 'NOT_FOUND',
        message: `No person with ${kind} "${value}" and touchpoints`,
      });
    }
    return profile;
  }),

  /**
   * Persons reaching each step of a funnel (in sequence or any order, with exclusions),
   * with conversion, drop-off in progress and abandoned, median time, conversion by
   * week, time to convert, and the rules used.
   */
  funnel: projectProcedure
    .input(funnelInput)
    .query(async ({ ctx, input }) =>
      ctx.store.getFunnel(ctx.project.projectId, await resolveSegment(ctx, input)),
    ),

  /**
   * For the persons who reached a step, the touchpoints, channels and property values
   * before the next step whose presence changes conversion most (top 10, by lift).
   */
  funnelDrivers: projectProcedure
    .input(funnelInput)
    .input(driversInput)
    .query(async ({ ctx, input }) => {
      if (input.step >= input.steps.length) {
        throw new TRPCError({
          code: 'BAD_REQUEST',
          message: `step: the funnel has ${input.steps.length} steps, so step is 1 to ${input.steps.length - 1}`,
        });
      }
      return ctx.store.getFunnelDrivers(ctx.project.projectId, await resolveSegment(ctx, input));
    }),

  /**
   * Who dropped off at a funnel step, with their last touchpoint, a page at a time.
   * A cursor that is not a `nextCursor`, or names no device of the project, is a 400.
   */
  funnelDropoffs: projectProcedure
    .input(funnelInput)
    .input(dropoffInput)
    .query(async ({ ctx, input }) => {
      if (input.step > input.steps.length) {
        throw new TRPCError({
          code: 'BAD_REQUEST',
          message: `step: the funnel has ${input.steps.length} steps, so step is 2 to ${input.steps.length}`,
        });
      }
      const query = await resolveSegment(ctx, input);
      return withCursorCheck(() => ctx.store.getFunnelDropoffs(ctx.project.projectId, query));
    }),

  /** The most common paths between touchpoints, and their links for a Sankey. */
  paths: projectProcedure
    .input(pathsInput)
    .query(async ({ ctx, input }) =>
      ctx.store.getPaths(ctx.project.projectId, await resolveSegment(ctx, input)),
    ),

  /**
   * The persons on a node, a link or an exit to "left" of the paths answer to the same
   * question, a page at a time; a cursor that is not a `nextCursor` is a 400.
   */
  pathPersons: projectProcedure.input(pathPersonsInput).query(async ({ ctx, input }) => {
    const query = await resolveSegment(ctx, input);
    return withCursorCheck(() => ctx.store.getPathPersons(ctx.project.projectId, query));
  }),

  /** The stages of the project's main journey map (stages and their touchpoints), as saved. */
  journeyMap: projectProcedure.query(({ ctx }) => ctx.store.getJourneyMap(ctx.project.projectId)),

  /**
   * Replaces the main map whatever was saved before: for scripts that own the map. The
   * dashboard's editor saves with `saveMap`, which refuses to overwrite a newer save.
   */
  setJourneyMap: projectProcedure.input(journeyMapInput).mutation(async ({ ctx, input }) => {
    await ctx.store.setJourneyMap(ctx.project.projectId, input.stages);
    await auditProject(ctx, 'journeyMap.updated', {
      target: 'main',
      detail: { stages: input.stages.length },
    });
    return ctx.store.getJourneyMap(ctx.project.projectId);
  }),

  ...journeyMapProcedures,

  /** A journey map (`mapId`, default the main map) with its numbers: persons, conversion, touchpoints, NPS, pain points. */
  stages: projectProcedure.input(stagesInput).query(async ({ ctx, input }) => {
    if (
      input.mapId !== undefined &&
      (await ctx.store.getJourneyMapRecord(ctx.project.projectId, input.mapId)) === undefined
    ) {
      throw new TRPCError({
        code: 'NOT_FOUND',
        message: `mapId: no journey map ${input.mapId} in this project`,
      });
    }
    return ctx.store.getStages(ctx.project.projectId, await resolveSegment(ctx, input));
  }),

  /** Persons, touchpoints, conversions and NPS per day and per channel over a range. */
  overview: projectProcedure
    .input(overviewInput)
    .query(async ({ ctx, input }) =>
      ctx.store.getOverview(ctx.project.projectId, await resolveSegment(ctx, input)),
    ),

  /** Weekly cohorts by first touchpoint, and the share back (any touchpoint, or a chosen one) each week after. */
  retention: projectProcedure
    .input(cohortRetentionInput)
    .query(async ({ ctx, input }) =>
      ctx.store.getCohortRetention(ctx.project.projectId, await resolveSegment(ctx, input)),
    ),

  /** Loops, repeated support contacts and unusually long waits, each with the persons affected. */
  friction: projectProcedure
    .input(frictionInput)
    .query(async ({ ctx, input }) =>
      ctx.store.getFriction(ctx.project.projectId, await resolveSegment(ctx, input)),
    ),
});
