import { TRPCError } from '@trpc/server';
import type { PersonRef } from '@parcours/store';
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
});
