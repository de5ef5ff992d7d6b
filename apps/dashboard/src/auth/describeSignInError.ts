import type { AppRouter } from '@parcours/api';
import { isTRPCClientError } from '@trpc/client';
import { describeError, getErrorCode } from '../api/getErrorCode.js';

/**
 * Whole minutes until the server takes sign-ins again, from the `Retry-After` header
 * (seconds) of a 429 answer; `undefined` when the answer had none.
 */
export function getRetryAfterMinutes(error: unknown): number | undefined {
  if (!isTRPCClientError<AppRouter>(error)) return undefined;
  const response = error.meta?.['response'];
  if (!(response instanceof Response)) return undefined;
  const seconds = Number(response.headers.get('retry-after'));
  return Number.isFinite(seconds) && seconds > 0 ? Math.ceil(seconds / 60) : undefined;
}

/**
 * Why a sign-in failed, in words: `UNAUTHORIZED` is a wrong email or password (the
 * server does not say which), `TOO_MANY_REQUESTS` says how long to wait.
 */
export function describeSignInError(error: unknown): string {
  switch (getErrorCode(error)) {
    case 'UNAUTHORIZED':
      return 'Wrong email or password.';
    case 'TOO_MANY_REQUESTS': {
      const minutes = getRetryAfterMinutes(error);
      return minutes === undefined
        ? 'Too many attempts: try again later.'
        : `Too many attempts: try again in ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}.`;
    }
    default:
      return describeError(error);
  }
}
