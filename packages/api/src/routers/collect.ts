import { TRPCError } from '@trpc/server';
import { collectInputSchema, isOversizedBatch, LIMITS, parseCollectInput } from '@parcours/schema';
import { collectorProcedure } from '../rateLimit/collectorProcedure.js';

/**
 * `POST /trpc/collect`: stores a batch of touchpoints and answers once it is
 * committed. The batch is validated whole: one bad event rejects the request (400,
 * naming the field) and nothing of it is stored, so the SDK can drop exactly the
 * batch it sent and the page developer sees the error at once.
 */
export const collect = collectorProcedure
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
    // Consent is enforced twice: the SDK sends the categories granted on the device,
    // and an event of another category is not stored even if a buggy or stale client sent it.
    const granted = input.consent;
    if (granted === undefined) return ctx.store.insertEvents(project.projectId, input.batch);
    const allowed = input.batch.filter((event) => granted.includes(event.category ?? 'analytics'));
    const result = await ctx.store.insertEvents(project.projectId, allowed);
    const refused = input.batch.length - allowed.length;
    return refused === 0 ? result : { ...result, refused };
  });
