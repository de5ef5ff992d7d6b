import { TRPCError } from '@trpc/server';
import {
  JourneyEngineBusyError,
  JourneyMapConflictError,
  NotAvailableOnEngineError,
  QueryBudgetError,
} from '@parcours/store';
import type { Context } from './context.js';

/**
 * What the journey engine refuses becomes an HTTP answer instead of a 500: a query
 * past its budget is the caller's to change (400, naming the budget); a busy or
 * restarting engine is the caller's to retry (503 with `Retry-After`, which the
 * dashboard and scripts honour); a method the store's engine does not implement is
 * 501, naming it; a journey map saved over a newer save is 409 (the formatter adds
 * that save). Undefined for any other error.
 */
export function answerEngineError(error: unknown, ctx: Context): TRPCError | undefined {
  if (error instanceof QueryBudgetError) {
    return new TRPCError({ code: 'BAD_REQUEST', message: error.message, cause: error });
  }
  if (error instanceof JourneyEngineBusyError) {
    ctx.setHeader?.('Retry-After', String(error.retryAfterSeconds));
    return new TRPCError({ code: 'SERVICE_UNAVAILABLE', message: error.message, cause: error });
  }
  if (error instanceof NotAvailableOnEngineError) {
    return new TRPCError({ code: 'NOT_IMPLEMENTED', message: error.message, cause: error });
  }
  if (error instanceof JourneyMapConflictError) {
    return new TRPCError({ code: 'CONFLICT', message: error.message, cause: error });
  }
  return undefined;
}
