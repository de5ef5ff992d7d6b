import { TRPCError } from '@trpc/server';
import { collectInputSchema, isOversizedBatch, LIMITS, parseCollectInput } from '@parcours/schema';
import { signIdentities } from '../signIdentities.js';
import { publicProcedure } from '../trpc.js';

/**
 * `POST /trpc/collect`: stores a batch of touchpoints and answers once it is
 * committed. The batch is validated whole: one bad event rejects the request (400,
 * naming the field) and nothing of it is stored, so the SDK can drop exactly the
 * batch it sent and the page developer sees the error at once.
 */
export const collect = publicProcedure
  // Before parsing: an oversized batch is a 413, and not worth validating.
  .use(async ({ getRawInput, next }) => {
    if (isOversizedBatch(await getRawInput())) {
      throw new TRPCError({
        code: 'PAYLOAD_TOO_LARGE',
        message: `A batch holds at most ${LIMITS.maxBatchEvents} events`,
      });
    }
    return next();
  })
  // The hand-written fast path, or zod to throw an error naming the field.
  .input((raw: unknown) => parseCollectInput(raw) ?? collectInputSchema.parse(raw))
  .mutation(async ({ ctx, input }) => {
    const project = await ctx.store.getProjectByWriteKey(input.writeKey);
    if (project === undefined) {
      throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Unknown write key' });
    }
    // Unsigned user ids are kept apart when the project requires signatures (issue 13).
    const batch = signIdentities(input.batch, await ctx.store.getIdentitySettings(project.projectId));
    // Consent is enforced twice: the SDK sends the categories granted on the device,
    // and an event of another category is not stored even if a buggy or stale client sent it.
    const granted = input.consent;
    if (granted === undefined) return ctx.store.insertEvents(project.projectId, batch);
    const allowed = batch.filter((event) => granted.includes(event.category ?? 'analytics'));
    const result = await ctx.store.insertEvents(project.projectId, allowed);
    const refused = batch.length - allowed.length;
    return refused === 0 ? result : { ...result, refused };
  });
