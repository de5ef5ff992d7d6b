import { TRPCClientError } from '@trpc/client';
import { describe, expect, it } from 'vitest';
import { describeSignInError, getRetryAfterMinutes } from './describeSignInError.js';

/** A client error as httpBatchLink makes it: the tRPC body, and the HTTP response in `meta`. */
function createServerError(code: string, headers: Record<string, string> = {}) {
  return TRPCClientError.from(
    { error: { code: -32000, message: `server says ${code}`, data: { code, httpStatus: 400 } } },
    { meta: { response: new Response(null, { headers }) } },
  );
}

describe('describeSignInError', () => {
  it('reads a 401 as a wrong email or password', () => {
    expect(describeSignInError(createServerError('UNAUTHORIZED'))).toBe('Wrong email or password.');
  });

  it('says how many minutes to wait after too many attempts, from Retry-After', () => {
    expect(describeSignInError(createServerError('TOO_MANY_REQUESTS', { 'Retry-After': '840' }))).toBe(
      'Too many attempts: try again in 14 minutes.',
    );
    expect(describeSignInError(createServerError('TOO_MANY_REQUESTS', { 'Retry-After': '30' }))).toBe(
      'Too many attempts: try again in 1 minute.',
    );
    expect(describeSignInError(createServerError('TOO_MANY_REQUESTS'))).toBe(
      'Too many attempts: try again later.',
    );
  });

  it('leaves other failures to describeError', () => {
    expect(describeSignInError(TRPCClientError.from(new TypeError('Failed to fetch')))).toMatch(
      /could not be reached/,
    );
  });
});

describe('getRetryAfterMinutes', () => {
  it('ignores a missing or unreadable header', () => {
    expect(
      getRetryAfterMinutes(createServerError('TOO_MANY_REQUESTS', { 'Retry-After': 'soon' })),
    ).toBeUndefined();
    expect(getRetryAfterMinutes(new Error('x'))).toBeUndefined();
  });
});
