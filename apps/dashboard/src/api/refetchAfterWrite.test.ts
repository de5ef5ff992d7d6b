import { QueryClient, QueryObserver, type QueryObserverResult } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { refetchAfterWrite } from './refetchAfterWrite.js';

/** A list on the "server" that a write changes, and a query reading it slowly. */
function setUp() {
  const server = { version: 1 };
  const client = new QueryClient({ defaultOptions: { queries: { staleTime: 30_000, retry: false } } });
  const observer = new QueryObserver(client, {
    queryKey: ['segments', 'list'],
    // Read at once, answered 50 ms later: the write lands while it is on the way.
    queryFn: () => {
      const read = server.version;
      return new Promise<number>((resolve) => setTimeout(() => resolve(read), 50));
    },
  });
  const results: Array<QueryObserverResult<number>> = [];
  const unsubscribe = observer.subscribe((result) => results.push(result));
  const settled = async () => {
    for (let waited = 0; waited < 2_000; waited += 10) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      const last = results.at(-1);
      if (last?.isSuccess && last.fetchStatus === 'idle') return last.data;
    }
    throw new Error('the query did not settle');
  };
  return { server, client, unsubscribe, settled };
}

describe('refetchAfterWrite', () => {
  it('shows the list after the write even when the first read started before it', async () => {
    const { server, client, unsubscribe, settled } = setUp();
    server.version = 2; // the write, committed while the first read is on its way
    await refetchAfterWrite(client, { queryKey: ['segments', 'list'] });
    expect(await settled()).toBe(2);
    unsubscribe();
  });

  it('is needed: a plain invalidation keeps the first read, from before the write', async () => {
    const { server, client, unsubscribe, settled } = setUp();
    server.version = 2;
    await client.invalidateQueries({ queryKey: ['segments', 'list'] });
    expect(await settled()).toBe(1);
    unsubscribe();
  });

  it('refetches a list that already has data, and leaves other queries alone', async () => {
    const { server, client, unsubscribe, settled } = setUp();
    expect(await settled()).toBe(1);
    client.setQueryData(['other'], 'kept');
    server.version = 3;
    await refetchAfterWrite(client, { queryKey: ['segments', 'list'] });
    expect(await settled()).toBe(3);
    expect(client.getQueryState(['other'])?.isInvalidated).toBe(false);
    unsubscribe();
  });
});
