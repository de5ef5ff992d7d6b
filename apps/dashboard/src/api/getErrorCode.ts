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
]);

/**
 * react-query's `retry` option: up to two retries of what may pass on its own
 * (network errors, 5xx, 429); never of a refused key or a person who is not there.
 */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  const code = getErrorCode(error);
  return failureCount < 2 && (code === undefined || !FINAL_CODES.has(code));
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
    case 'INTERNAL_SERVER_ERROR':
      return 'The server failed to answer; its log says why.';
    default:
      return `The server answered ${code}.`;
  }
}
