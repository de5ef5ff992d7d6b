import { createClient, type ClickHouseClient } from '@clickhouse/client';
import type { Event } from '@parcours/schema';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openClickHouseJourneyStore, type ClickHouseJourneyStore } from './openClickHouseJourneyStore.js';
import { describeWithClickHouse } from './testing/describeWithClickHouse.js';

const DATABASE = 'exactly_once';

function batch(prefix: string, count: number): Event[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `${prefix}-${i}`,
    type: 'track' as const,
    name: i % 2 === 0 ? 'view' : 'buy',
    anonymousId: `device-${i >> 1}`,
    timestamp: 1_700_000_000_000 + i * 1_000,
    channel: 'web',
  }));
}

const funnel = { steps: [{ name: 'view' }, { name: 'buy' }], windowMs: 60_000 };

describeWithClickHouse('exactly-once counting of replayed event ids', (server) => {
  let collector: ClickHouseJourneyStore;
  let otherCollector: ClickHouseJourneyStore;
  let client: ClickHouseClient;

  beforeAll(async () => {
    collector = await openClickHouseJourneyStore({ url: server().url, database: DATABASE });
    otherCollector = await openClickHouseJourneyStore({ url: server().url, database: DATABASE });
    client = createClient({ url: server().url });
  });
  afterAll(async () => {
    await collector?.close();
    await otherCollector?.close();
    await client?.close();
  });

  it('answers a replayed batch, and repeats inside a batch, as duplicates and stores each event once', async () => {
    const events = batch('replay', 10);
    expect(await collector.insertEvents('p-replay', [...events, events[0]!, events[3]!])).toEqual({
      accepted: 10,
      duplicates: 2,
    });
    expect(await collector.insertEvents('p-replay', events)).toEqual({ accepted: 0, duplicates: 10 });
    expect(await otherCollector.insertEvents('p-replay', events.slice(0, 4))).toEqual({
      accepted: 0,
      duplicates: 4,
    });
    expect(await collector.countEvents('p-replay')).toBe(10);
    // Ids are per project: the same ids in another project are new events.
    expect(await collector.insertEvents('p-other', events)).toEqual({ accepted: 10, duplicates: 0 });
  });

  it('counts once an event that two racing collectors both wrote, before any merge has run', async () => {
    const events = batch('race', 8);
    await collector.insertEvents('p-race', events);
    // The race: the other collector looked up the ids before the first one had written
    // them, so it writes the same rows again (simulated by writing them directly).
    const rows = await client.query({
      query: `SELECT * FROM ${DATABASE}.events WHERE project_id = 'p-race'`,
      format: 'JSONEachRow',
    });
    await client.insert({ table: `${DATABASE}.events`, values: await rows.json(), format: 'JSONEachRow' });
    const raw = await client.query({
      query: `SELECT count() AS n FROM ${DATABASE}.events WHERE project_id = 'p-race'`,
      format: 'JSONEachRow',
    });
    // Both copies are really there (no merge yet): what the reads must see through.
    expect(await raw.json()).toEqual([{ n: '16' }]);
    expect(await collector.countEvents('p-race')).toBe(8);
    const result = await collector.getFunnel('p-race', funnel);
    expect(result.steps.map((step) => step.count)).toEqual([4, 4]);
    const paths = await collector.getPaths('p-race', { depth: 3, limit: 5 });
    expect(paths.paths).toEqual([{ steps: ['view', 'buy'], count: 4, left: 4 }]);
  });

  it('keeps the first copy of a raced link, as SQLite keeps the first insert', async () => {
    const t = 1_700_000_000_000;
    const identify = (id: string, userId: string): Event => ({
      id,
      type: 'identify',
      name: 'identify',
      anonymousId: 'shared',
      userId,
      timestamp: t,
    });
    // u1 then u2 sign in on a shared device at the same millisecond; u1 also has a device of their own.
    await collector.insertEvents('p-link-race', [
      { id: 'y', type: 'track', name: 'Y', anonymousId: 'own', userId: 'u1', timestamp: t - 1 },
      identify('link-u1', 'u1'),
      identify('link-u2', 'u2'),
    ]);
    // A racing collector's copy of u1's link, arriving after u2's.
    const rows = await client.query({
      query: `SELECT * FROM ${DATABASE}.events WHERE project_id = 'p-link-race' AND id IN ('link-u1', 'link-u2') ORDER BY arrival`,
      format: 'JSONEachRow',
    });
    const [u1, u2] = await rows.json<{ arrival: string; keep_priority: string }>();
    const arrival = BigInt(u2!.arrival) + 1n;
    await client.insert({
      table: `${DATABASE}.events`,
      values: [{ ...u1, arrival: String(arrival), keep_priority: String(2n ** 64n - 1n - arrival) }],
      format: 'JSONEachRow',
    });
    // A touchpoint on the shared device at that millisecond, after both links: u2's.
    await collector.insertEvents('p-link-race', [
      { id: 'x', type: 'track', name: 'X', anonymousId: 'shared', timestamp: t },
    ]);
    const paths = await collector.getPaths('p-link-race', { depth: 3, limit: 5 });
    expect(paths.paths).toEqual([
      { steps: ['X'], count: 1, left: 1 },
      { steps: ['Y'], count: 1, left: 1 },
    ]);
  });

  it('two collectors inserting the same batch at once store it once', async () => {
    const events = batch('concurrent', 20);
    const [a, b] = await Promise.all([
      collector.insertEvents('p-concurrent', events),
      otherCollector.insertEvents('p-concurrent', events),
    ]);
    // Each answers for all 20 (accepted or duplicate); storage holds them once.
    expect(a.accepted + a.duplicates).toBe(20);
    expect(b.accepted + b.duplicates).toBe(20);
    expect(a.accepted + b.accepted).toBeGreaterThanOrEqual(20);
    expect(await collector.countEvents('p-concurrent')).toBe(20);
    const result = await otherCollector.getFunnel('p-concurrent', funnel);
    expect(result.steps.map((step) => step.count)).toEqual([10, 10]);
  });
});
