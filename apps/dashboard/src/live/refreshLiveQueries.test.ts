import { QueryClient, QueryObserver, type Query } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { refreshLiveQueries } from './refreshLiveQueries.js';

/**
 * A "server" whose version moves at every push, a query reading it in 300 ms (much slower
 * than the pushes, 40 ms apart), and a refresh to run at each push.
 */
async function pushWhileReading(refresh: (client: QueryClient, matches: (query: Query) => boolean) => void) {
  const server = { version: 1 };
  const client = new QueryClient({ defaultOptions: { queries: { staleTime: 30_000, retry: false } } });
  const observer = new QueryObserver(client, {
    queryKey: ['journeys', 'funnel'],
    queryFn: () => {
      const read = server.version;
      return new Promise<number>((resolve) => setTimeout(() => resolve(read), 300));
    },
  });
  const shown: number[] = [];
  const unsubscribe = observer.subscribe((result) => {
    if (result.isSuccess && shown.at(-1) !== result.data) shown.push(result.data);
  });
  const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  while (shown.length === 0) await wait(10);
  // Forty pushes, one every 40 ms: 1.6 s of steady traffic.
  for (let push = 0; push < 40; push++) {
    server.version++;
    refresh(client, (query) => query.queryKey[0] === 'journeys');
    await wait(40);
  }
  const duringTraffic = [...shown];
  // Then quiet: whatever is on its way settles.
  for (let waited = 0; waited < 3_000 && observer.getCurrentResult().fetchStatus !== 'idle'; waited += 10) {
    await wait(10);
  }
  await wait(200);
  unsubscribe();
  return { duringTraffic, last: shown.at(-1), latest: server.version };
}

describe('refreshLiveQueries', () => {
  it('lets a query slower than the pushes answer during steady traffic, then shows the last push', async () => {
    const result = await pushWhileReading(refreshLiveQueries);
    // Answers keep coming while the pushes do (about one per 300 ms read).
    expect(result.duringTraffic.length).toBeGreaterThan(2);
    // A read sent before the last push is followed by one more: the last version shows.
    expect(result.last).toBe(result.latest);
  }, 10_000);

  it('is needed: a plain invalidation restarts the read at every push, which shows nothing new until the pushes stop', async () => {
    const result = await pushWhileReading(
      (client, matches) => void client.invalidateQueries({ predicate: matches }),
    );
    expect(result.duringTraffic).toEqual([1]);
  }, 10_000);
});
