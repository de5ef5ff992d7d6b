import { TRPCClientError } from '@trpc/client';
import { describe, expect, it, vi } from 'vitest';
import { createQueryClient } from './createQueryClient.js';

function createServerError(code: string) {
  return TRPCClientError.from({ error: { code: -32000, message: code, data: { code, httpStatus: 400 } } });
}

describe('createQueryClient', () => {
  it('signs out once when a query is refused with UNAUTHORIZED, without retrying', async () => {
    const onUnauthorized = vi.fn();
    const queryFn = vi.fn(() => Promise.reject(createServerError('UNAUTHORIZED')));
    const client = createQueryClient({ onUnauthorized });
    await expect(client.fetchQuery({ queryKey: ['project'], queryFn })).rejects.toThrow();
    expect(queryFn).toHaveBeenCalledTimes(1);
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
  });

  it('leaves other errors to the page that asked', async () => {
    const onUnauthorized = vi.fn();
    const client = createQueryClient({ onUnauthorized });
    const queryFn = () => Promise.reject(createServerError('NOT_FOUND'));
    await expect(client.fetchQuery({ queryKey: ['person'], queryFn })).rejects.toThrow();
    expect(onUnauthorized).not.toHaveBeenCalled();
  });

  it('signs out when a mutation is refused with UNAUTHORIZED, unless it expects that answer', async () => {
    const onUnauthorized = vi.fn();
    const client = createQueryClient({ onUnauthorized });
    const mutationFn = () => Promise.reject(createServerError('UNAUTHORIZED'));
    const signIn = client
      .getMutationCache()
      .build(client, { mutationFn, meta: { expectsUnauthorized: true } });
    await expect(signIn.execute(undefined)).rejects.toThrow();
    expect(onUnauthorized).not.toHaveBeenCalled();
    const rename = client.getMutationCache().build(client, { mutationFn });
    await expect(rename.execute(undefined)).rejects.toThrow();
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
  });
});
