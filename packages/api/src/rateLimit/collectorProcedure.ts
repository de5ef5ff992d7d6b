import { TRPCError } from '@trpc/server';
import { publicProcedure } from '../trpc.js';
import { describeRateLimit } from './rateLimits.js';

/** What a collector call costs its write key's bucket: its events or records. */
function getCost(raw: unknown): number {
  if (typeof raw !== 'object' || raw === null) return 1;
  const { batch, records } = raw as { batch?: unknown; records?: unknown };
  const items = Array.isArray(batch) ? batch : records;
  return Array.isArray(items) ? Math.max(1, items.length) : 1;
}

/**
 * The procedure builder of `collect` and `consent` (the public write key): charges
 * the write key's token bucket (`services.writeKeyRateLimit`) before the input is
 * validated, so a flood costs the server as little as possible. Over the limit: 429
 * with `Retry-After` in seconds, which the SDK honours before sending the batch again.
 */
export const collectorProcedure = publicProcedure.use(async ({ ctx, getRawInput, next }) => {
  const buckets = ctx.services?.writeKeyRateLimit;
  if (buckets === undefined) return next();
  const raw = await getRawInput();
  const writeKey = (raw as { writeKey?: unknown } | null)?.writeKey;
  // A missing or malformed key fails validation next: nothing to charge.
  if (typeof writeKey !== 'string') return next();
  const retryAfter = buckets.take(writeKey, getCost(raw));
  if (retryAfter === 0) return next();
  ctx.setHeader?.('Retry-After', String(retryAfter));
  throw new TRPCError({
    code: 'TOO_MANY_REQUESTS',
    message: `Too many events for this write key: ${describeRateLimit(buckets.options, 'events')}; retry in ${retryAfter} s`,
  });
});
