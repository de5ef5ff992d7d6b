import type { AppRouter } from '@parcours/api';
import { isTRPCClientError } from '@trpc/client';

/**
 * The tRPC error code of a failed query (`UNAUTHORIZED`, `NOT_FOUND`, `BAD_REQUEST`…),
 * or `undefined` when the request never got a tRPC answer (network down, proxy page).
 * Code, not message: messages are for people and may change.
 */
export function getErrorCode(error: unknown): string | undefined {
  return isTRPCClientError<AppRouter>(error) ? error.data?.code : undefined;
}

/** Errors a retry cannot fix: the request itself is wrong or refused. */
const FINAL_CODES = new Set([
  'BAD_REQUEST',
  'PARSE_ERROR',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'NOT_FOUND',
  'PAYLOAD_TOO_LARGE',
  'UNPROCESSABLE_CONTENT',
  'CONFLICT',
]);

/** Retries of a busy answer: a journey index warming up after a restart takes a while. */
const BUSY_RETRIES = 15;

/**
 * react-query's `retry` option: up to two retries of what may pass on its own
 * (network errors, 5xx, 429), fifteen of a busy server (503: a journey index warming
 * up, the engine or the storage busy); never of a refused key or a person who is not there.
 */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  const code = getErrorCode(error);
  if (code === 'SERVICE_UNAVAILABLE') return failureCount < BUSY_RETRIES;
  return failureCount < 2 && (code === undefined || !FINAL_CODES.has(code));
}

/**
 * react-query's `retryDelay`: a busy server is asked again every 2 s (what its
 * `Retry-After` says for a warming index); other failures back off exponentially.
 */
export function getRetryDelay(failureCount: number, error: unknown): number {
  if (getErrorCode(error) === 'SERVICE_UNAVAILABLE') return 2_000;
  return Math.min(1_000 * 2 ** failureCount, 30_000);
}

/**
 * What went wrong, for an error box. The server's message is shown for bad input
 * because it names the field, and for a conflict because it says with what (an
 * email that is already a member); other codes get words of the dashboard's own.
 */
export function describeError(error: unknown): string {
  if (!isTRPCClientError<AppRouter>(error)) return 'Something went wrong in the dashboard.';
  const code = error.data?.code;
  switch (code) {
    case undefined:
      return 'The Parcours server could not be reached. Check that it is running, then try again.';
    case 'BAD_REQUEST':
    case 'CONFLICT':
      return error.message;
    case 'UNAUTHORIZED':
      return 'Your session has ended: sign in again.';
    case 'FORBIDDEN':
      return 'Your role in this project does not allow this.';
    case 'NOT_FOUND':
      return 'This is no longer there: it may have been deleted, or you were removed from the project.';
    case 'TOO_MANY_REQUESTS':
      return 'Too many requests: wait a moment, then try again.';
    case 'SERVICE_UNAVAILABLE':
      // "The journey index is warming up…", "the disk is full…": written for people.
      return error.message;
    case 'INTERNAL_SERVER_ERROR':
      return 'The server failed to answer; its log says why.';
    default:
      return `The server answered ${code}.`;
  }
}

/** The newer save a refused journey map save was made over (409 `journeys.saveMap`), if that is the error. */
export function getConflictingJourneyMap(error: unknown) {
  return isTRPCClientError<AppRouter>(error) ? (error.data?.journeyMap ?? undefined) : undefined;
}
