import { TRPCError } from '@trpc/server';
import { toStorageFault } from '@parcours/store';
import type { Context } from '../context.js';

interface MiddlewareOptions<Result> {
  ctx: Context;
  path: string;
  type: 'query' | 'mutation' | 'subscription';
  next: () => Promise<Result>;
}

/**
 * tRPC middleware, outermost on every procedure: a storage fault (disk full,
 * read-only, locked, I/O error: `toStorageFault`) becomes `503 SERVICE_UNAVAILABLE`
 * with `Retry-After`, whose message names the problem. The SDK keeps the batch and
 * sends it again after that delay; the failed transaction was rolled back, so the
 * retry stores each event once. Incidents are logged by `services.storageIncidents`.
 * Any other error passes through untouched.
 */
export async function answerStorageFaults<Result extends { ok: boolean; error?: unknown }>({
  ctx,
  path,
  type,
  next,
}: MiddlewareOptions<Result>): Promise<Result> {
  const result = await next();
  const incidents = ctx.services?.storageIncidents;
  if (result.ok) {
    if (type === 'mutation') incidents?.onWriteSucceeded();
    return result;
  }
  const fault = toStorageFault(result.error);
  if (fault === undefined) return result;
  incidents?.onFault(fault, path);
  ctx.setHeader?.('Retry-After', String(fault.retryAfterSeconds));
  throw new TRPCError({
    code: 'SERVICE_UNAVAILABLE',
    message: `Storage unavailable: ${fault.message}; ${type === 'mutation' ? 'nothing was stored, ' : ''}retry after ${fault.retryAfterSeconds} s`,
    cause: fault,
  });
}
