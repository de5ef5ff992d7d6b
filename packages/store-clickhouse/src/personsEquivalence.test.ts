import fc from 'fast-check';
import { PERSON_SORTS, type PersonRef, type PersonsQuery, type StoredEvent } from '@parcours/store';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { getPersonProfile } from './getPersonProfile.js';
import { getPersons } from './getPersons.js';
import { describeWithClickHouse } from './testing/describeWithClickHouse.js';
import {
  batchesArbitrary,
  CHANNELS,
  DEVICES,
  journeyMapArbitrary,
  maybe,
  openWorlds,
  timeArbitrary,
  USERS,
} from './testing/journeyWorld.js';

/**
 * The same random events and journey map, given to the SQLite engine and to
 * ClickHouse, give the same persons lists, page after page (persons, ids, first and
 * last seen, touchpoints, channels, stages reached, totals and cursors) under every
 * filter, sort and order, and the same profiles (traits, identity links), whichever
 * way the person is named.
 */
const boundsArbitrary = fc
  .record({ from: maybe(timeArbitrary, 50), to: maybe(timeArbitrary, 50) })
  .map(({ from, to }) => ({ ...(from === null ? {} : { from }), ...(to === null ? {} : { to }) }));

const personsQueryArbitrary = fc
  .record({
    // Prefixes of person ids, devices and users (`user:u1` and `device:x` are devices).
    search: maybe(fc.constantFrom('', 'd', 'd1', 'u', 'u1', 'user:', 'user:u1', 'device:', 'x'), 25),
    property: maybe(
      fc.oneof(
        {
          arbitrary: fc.record({ name: fc.constant('plan'), value: fc.constantFrom('free', 'pro') }),
          weight: 3,
        },
        {
          arbitrary: fc.record({ name: fc.constant('kind'), value: fc.constantFrom('nps', null, 1) }),
          weight: 1,
        },
      ),
      70,
    ),
    channel: maybe(fc.constantFrom(...CHANNELS, 'nowhere'), 20),
    stage: maybe(fc.constantFrom('awareness', 'decision', 'retention', 'unknown'), 20),
    firstSeen: maybe(boundsArbitrary, 20),
    lastSeen: maybe(boundsArbitrary, 20),
    sort: maybe(fc.constantFrom(...PERSON_SORTS), 80),
    order: maybe(fc.constantFrom('asc' as const, 'desc' as const), 60),
    limit: fc.integer({ min: 1, max: 4 }),
  })
  .map((drawn): PersonsQuery => {
    const query: PersonsQuery = { limit: drawn.limit };
    for (const [name, value] of Object.entries(drawn)) {
      if (value !== null) (query as unknown as Record<string, unknown>)[name] = value;
    }
    return query;
  });

/**
 * Random batches; with `traitsOnly`, `plan` is only on identifies: a touchpoint with a
 * user id and a plan becomes that user's identify (more traits, changing over time),
 * the others lose it, so a person is found by the trait alone.
 */
const worldArbitrary = fc
  .record({ batches: batchesArbitrary, traitsOnly: fc.boolean() })
  .map(({ batches, traitsOnly }) => ({
    traitsOnly,
    batches: traitsOnly
      ? batches.map((batch) =>
          batch.map((event): StoredEvent => {
            if (event.type === 'identify' || event.properties?.['plan'] === undefined) return event;
            if (event.userId !== undefined) return { ...event, type: 'identify', name: 'identify' };
            const { properties: _, ...rest } = event;
            return rest;
          }),
        )
      : batches,
  }));

const REFS: PersonRef[] = [
  ...USERS.map((userId) => ({ userId })),
  ...DEVICES.map((anonymousId) => ({ anonymousId })),
  ...['user:u1', 'd0', 'device:user:u1', 'device:x', 'nobody'].map((personId) => ({ personId })),
];

describeWithClickHouse('ClickHouse persons lists and profiles against the SQLite engine', (server) => {
  let worlds: Awaited<ReturnType<typeof openWorlds>>;
  beforeAll(async () => {
    worlds = await openWorlds(server().url, 'persons');
  });
  afterAll(async () => {
    await worlds?.close();
  });

  it('every page matches, cursors and totals included, under every filter, sort and order', async () => {
    let paged = 0;
    let found = 0;
    let byTrait = 0;
    await fc.assert(
      fc.asyncProperty(
        worldArbitrary,
        journeyMapArbitrary,
        personsQueryArbitrary,
        async ({ batches, traitsOnly }, map, query) => {
          const total = await worlds.load(batches, async (world) => {
            await world.sqlite.setJourneyMap(world.sqliteProject, map);
            let first: number | undefined;
            let sqliteCursor: string | undefined;
            let clickhouseCursor: string | undefined;
            for (let page = 0; page < 40; page++) {
              const sqlite = await world.sqlite.getPersons(world.sqliteProject, {
                ...query,
                ...(sqliteCursor === undefined ? {} : { cursor: sqliteCursor }),
              });
              const clickhouse = await getPersons(
                world.clickhouse,
                world.target,
                { ...query, ...(clickhouseCursor === undefined ? {} : { cursor: clickhouseCursor }) },
                map,
              );
              expect(clickhouse, `page ${page}`).toEqual(sqlite);
              if (page === 1) paged++;
              first ??= sqlite.total;
              if (sqlite.nextCursor === null) break;
              sqliteCursor = sqlite.nextCursor;
              clickhouseCursor = clickhouse.nextCursor!;
            }
            return first!;
          });
          if (total > 0) found++;
          if (query.property?.name === 'plan' && traitsOnly && total > 0) byTrait++;
        },
      ),
      { numRuns: 64 },
    );
    // The comparisons prove little unless lists are paged and filters find persons.
    expect(paged).toBeGreaterThan(8);
    expect(found).toBeGreaterThan(18);
    expect(byTrait).toBeGreaterThan(4);
  }, 300_000);

  it('a trait search keeps the latest value by time when an older identify arrives later', async () => {
    const identify = (id: string, timestamp: number, plan: string): StoredEvent => ({
      id,
      type: 'identify',
      name: 'identify',
      anonymousId: 'd',
      userId: 'u',
      timestamp,
      properties: { plan },
    });
    const batches = [
      [
        { id: 'v', type: 'track' as const, name: 'A', anonymousId: 'd', timestamp: 500 },
        identify('i1', 2_000, 'pro'),
      ],
      // Delivered late (an offline device): older than what the profile holds, so it loses.
      [identify('i2', 1_000, 'free')],
      [identify('i3', 3_000, 'free')],
    ];
    const expected = [
      [1, 0],
      [1, 0],
      [0, 1],
    ];
    for (let n = 1; n <= batches.length; n++) {
      const found = await worlds.load(batches.slice(0, n), async (world) =>
        Promise.all(
          ['pro', 'free'].map(async (value) => {
            const query = { limit: 10, property: { name: 'plan', value } };
            const sqlite = await world.sqlite.getPersons(world.sqliteProject, query);
            expect(await getPersons(world.clickhouse, world.target, query, [])).toEqual(sqlite);
            return sqlite.total;
          }),
        ),
      );
      expect(found).toEqual(expected[n - 1]);
    }
  });

  it('every profile matches: summary, latest traits and identity links', async () => {
    let withTraits = 0;
    let withLinks = 0;
    await fc.assert(
      fc.asyncProperty(worldArbitrary, journeyMapArbitrary, async ({ batches }, map) => {
        await worlds.load(batches, async (world) => {
          await world.sqlite.setJourneyMap(world.sqliteProject, map);
          for (const ref of REFS) {
            const sqlite = await world.sqlite.getPersonProfile(world.sqliteProject, ref);
            const clickhouse = await getPersonProfile(world.clickhouse, world.target, ref, map);
            expect(clickhouse, JSON.stringify(ref)).toEqual(sqlite);
            if (sqlite !== undefined && Object.keys(sqlite.traits).length > 0) withTraits++;
            if ((sqlite?.links.length ?? 0) > 1) withLinks++;
          }
        });
      }),
      { numRuns: 20 },
    );
    expect(withTraits).toBeGreaterThan(20);
    expect(withLinks).toBeGreaterThan(10);
  }, 240_000);
});
