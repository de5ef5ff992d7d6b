import { TRPCClientError } from '@trpc/client';
import { describe, expect, it } from 'vitest';
import { describeError, getErrorCode, getRetryDelay, shouldRetry } from './getErrorCode.js';

/** A client error as httpBatchLink makes it from a tRPC error body. */
function createServerError(code: string, message = `server says ${code}`) {
  return TRPCClientError.from({
    error: { code: -32000, message, data: { code, httpStatus: 400, path: 'journeys.person' } },
  });
}

/** A client error with no tRPC body: fetch itself failed. */
const networkError = TRPCClientError.from(new TypeError('Failed to fetch'));

describe('getErrorCode', () => {
  it('reads the code of a tRPC error', () => {
    expect(getErrorCode(createServerError('NOT_FOUND'))).toBe('NOT_FOUND');
  });

  it('has no code for network failures and foreign errors', () => {
    expect(getErrorCode(networkError)).toBeUndefined();
    expect(getErrorCode(new Error('NOT_FOUND'))).toBeUndefined();
    expect(getErrorCode({ data: { code: 'NOT_FOUND' } })).toBeUndefined();
  });
});

describe('shouldRetry', () => {
  it('retries network and server failures twice', () => {
    for (const error of [networkError, createServerError('INTERNAL_SERVER_ERROR')]) {
      expect([0, 1, 2].map((count) => shouldRetry(count, error))).toEqual([true, true, false]);
    }
  });

  it('keeps asking a busy server (an index warming up) every 2 s, for half a minute', () => {
    const busy = createServerError('SERVICE_UNAVAILABLE', 'journey index is warming up');
    expect(shouldRetry(14, busy)).toBe(true);
    expect(shouldRetry(15, busy)).toBe(false);
    expect(getRetryDelay(3, busy)).toBe(2_000);
    expect(getRetryDelay(3, networkError)).toBe(8_000);
    expect(describeError(busy)).toBe('journey index is warming up');
  });

  it.each(['UNAUTHORIZED', 'NOT_FOUND', 'BAD_REQUEST'])('never retries %s', (code) => {
    expect(shouldRetry(0, createServerError(code))).toBe(false);
  });
});

describe('describeError', () => {
  it('passes on the server’s words for bad input, which name the field', () => {
    expect(describeError(createServerError('BAD_REQUEST', 'Invalid input: userId: Too long'))).toBe(
      'Invalid input: userId: Too long',
    );
  });

  it('passes on the server’s words for a conflict, and says a role is not enough in its own', () => {
    expect(describeError(createServerError('CONFLICT', 'a@b.c is already a member'))).toBe(
      'a@b.c is already a member',
    );
    expect(describeError(createServerError('FORBIDDEN', 'analyst may not call members.list'))).toMatch(
      /role/,
    );
  });

  it('keeps internal details out of the dashboard', () => {
    const text = describeError(createServerError('INTERNAL_SERVER_ERROR', 'SQLITE_BUSY at /var/db'));
    expect(text).not.toContain('SQLITE');
  });

  it('tells a network failure from a server answer', () => {
    expect(describeError(networkError)).toMatch(/could not be reached/);
    expect(describeError(new Error('boom'))).toMatch(/dashboard/);
  });
});
