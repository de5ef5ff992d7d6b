import { TRPCError } from '@trpc/server';
import { LIMITS } from '@parcours/schema';
import { MAX_FUNNEL_STEPS, MAX_OVERVIEW_DAYS, MAX_PATH_DEPTH, type PersonRef } from '@parcours/store';
import { z } from 'zod';
import { projectProcedure, router } from '../trpc.js';

const id = z.string().min(1).max(256);

const personInput = z
  .object({
    userId: id.optional(),
    anonymousId: id.optional(),
    personId: id.optional(),
    /** Most events returned, earliest first. Default 10,000. */
    limit: z.number().int().min(1).max(10_000).optional(),
  })
  .refine((v) => [v.userId, v.anonymousId, v.personId].filter((x) => x !== undefined).length === 1, {
    message: 'Give exactly one of userId, anonymousId or personId',
  });

const touchpointName = z.string().min(1).max(LIMITS.maxNameLength);
const propertyValue = z.union([
  z.string().max(LIMITS.maxPropertyStringLength),
  z.number(),
  z.boolean(),
  z.null(),
]);
const epochMs = z.number().int().min(0).max(LIMITS.maxTimestamp);

const funnelInput = z
  .object({
    steps: z
      .array(
        z.object({
          name: touchpointName,
          channel: z.string().min(1).max(LIMITS.maxChannelLength).optional(),
          where: z.record(z.string().min(1).max(LIMITS.maxPropertyKeyLength), propertyValue).optional(),
        }),
      )
      .min(1)
      .max(MAX_FUNNEL_STEPS),
    /** Step k counts when at most this long after step 1; up to a year. */
    windowMs: z
      .number()
      .int()
      .min(0)
      .max(366 * 24 * 3_600_000),
    from: epochMs.optional(),
    to: epochMs.optional(),
    breakdown: z.string().min(1).max(LIMITS.maxPropertyKeyLength).optional(),
  })
  .refine((v) => v.from === undefined || v.to === undefined || v.from <= v.to, {
    message: 'from must not be after to',
    path: ['from'],
  });

const dropoffInput = z.object({
  step: z.number().int().min(2).max(MAX_FUNNEL_STEPS),
  limit: z.number().int().min(1).max(200).default(50),
  cursor: z.string().min(1).max(256).optional(),
});

const pathsInput = z.object({
  start: touchpointName.optional(),
  end: touchpointName.optional(),
  depth: z.number().int().min(1).max(MAX_PATH_DEPTH).default(5),
  limit: z.number().int().min(1).max(1_000).default(20),
});

const touchpointRef = z.object({
  name: touchpointName,
  channel: z.string().min(1).max(LIMITS.maxChannelLength).optional(),
});

const journeyMapInput = z.object({
  stages: z
    .array(
      z.object({
        name: z.string().trim().min(1).max(100),
        touchpoints: z.array(touchpointRef).max(50),
      }),
    )
    .min(1)
    .max(20)
    .refine((stages) => new Set(stages.map((s) => s.name)).size === stages.length, {
      message: 'stage names must be unique',
    }),
});

const rangeInput = z
  .object({ from: epochMs.optional(), to: epochMs.optional() })
  .refine((v) => v.from === undefined || v.to === undefined || v.from <= v.to, {
    message: 'from must not be after to',
    path: ['from'],
  });

const DAY = 86_400_000;
const overviewInput = z
  .object({ from: epochMs, to: epochMs, conversion: touchpointRef.optional() })
  .refine((v) => v.from <= v.to && Math.floor(v.to / DAY) - Math.floor(v.from / DAY) < MAX_OVERVIEW_DAYS, {
    message: `from must not be after to, and the range at most ${MAX_OVERVIEW_DAYS} days`,
    path: ['to'],
  });

function toPersonRef(input: z.infer<typeof personInput>): PersonRef {
  if (input.userId !== undefined) return { userId: input.userId };
  if (input.anonymousId !== undefined) return { anonymousId: input.anonymousId };
  return { personId: input.personId! };
}

/** The read API of journeys, authorised by the project's secret key. */
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

  /** Persons reaching each step of a funnel, with conversion, drop-off and median time. */
  funnel: projectProcedure
    .input(funnelInput)
    .query(({ ctx, input }) => ctx.store.getFunnel(ctx.project.projectId, input)),

  /** Who dropped off at a funnel step, with their last touchpoint, a page at a time. */
  funnelDropoffs: projectProcedure
    .input(funnelInput)
    .input(dropoffInput)
    .query(({ ctx, input }) => {
      if (input.step > input.steps.length) {
        throw new TRPCError({
          code: 'BAD_REQUEST',
          message: `step: the funnel has ${input.steps.length} steps, so step is 2 to ${input.steps.length}`,
        });
      }
      return ctx.store.getFunnelDropoffs(ctx.project.projectId, input);
    }),

  /** The most common paths between touchpoints, and their links for a Sankey. */
  paths: projectProcedure
    .input(pathsInput)
    .query(({ ctx, input }) => ctx.store.getPaths(ctx.project.projectId, input)),

  /** The project's journey map (stages and their touchpoints), as saved. */
  journeyMap: projectProcedure.query(({ ctx }) => ctx.store.getJourneyMap(ctx.project.projectId)),

  /** Replaces the project's journey map. */
  setJourneyMap: projectProcedure.input(journeyMapInput).mutation(async ({ ctx, input }) => {
    await ctx.store.setJourneyMap(ctx.project.projectId, input.stages);
    return ctx.store.getJourneyMap(ctx.project.projectId);
  }),

  /** The journey map with its numbers: persons, conversion, touchpoints, NPS, pain points. */
  stages: projectProcedure
    .input(rangeInput)
    .query(({ ctx, input }) => ctx.store.getStages(ctx.project.projectId, input)),

  /** Persons, touchpoints, conversions and NPS per day and per channel over a range. */
  overview: projectProcedure
    .input(overviewInput)
    .query(({ ctx, input }) => ctx.store.getOverview(ctx.project.projectId, input)),
});
