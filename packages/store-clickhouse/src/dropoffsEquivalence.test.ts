import fc from 'fast-check';
import { encodeDropoffCursor, InvalidCursorError, type FunnelDropoffQuery } from '@parcours/store';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { getFunnelDropoffs } from './getFunnelDropoffs.js';
import { describeWithClickHouse } from './testing/describeWithClickHouse.js';
import {
  batchesArbitrary,
  LAST_T,
  maybe,
  NAMES,
  openWorlds,
  STEP_MS,
  T0,
  touchpointArbitrary,
} from './testing/journeyWorld.js';

/**
 * The same random events and funnel, given to the SQLite engine and to ClickHouse,
 * give the same drop-off lists, page after page: persons, their ids, when they
 * reached their last step, their last touchpoint, the total and the cursors.
 */
const dropoffArbitrary = fc
  .record({
    steps: fc.array(touchpointArbitrary, { minLength: 2, maxLength: 4 }),
    windowMs: fc.integer({ min: 0, max: 12 }).map((n) => n * STEP_MS),
    from: maybe(fc.integer({ min: 0, max: 7 }), 30),
    to: maybe(fc.integer({ min: 8, max: LAST_T }), 30),
    now: fc.integer({ min: 0, max: 2 * LAST_T }),
    stepSeed: fc.nat(),
    // Pages of one or two persons: lists of several pages in most draws (limits up to
    // 4 gave 18 extra pages per 50 draws on average, and 7 in a tenth of the runs).
    limit: fc.integer({ min: 1, max: 2 }),
    // In sequence, in any order, or with an exclusion between two steps.
    mode: fc.constantFrom('sequence', 'any', 'excluded'),
    excluded: fc.constantFrom(...NAMES),
  })
  .map(({ from, to, now, stepSeed, mode, excluded, ...rest }): FunnelDropoffQuery => ({
    ...rest,
    ...(mode === 'any' ? { order: 'any' } : {}),
    ...(mode === 'excluded'
      ? { exclusions: [{ name: excluded, afterStep: 1 + (stepSeed % (rest.steps.length - 1)) }] }
      : {}),
    step: 2 + (stepSeed % (rest.steps.length - 1)),
    now: T0 + now * STEP_MS,
    ...(from === null ? {} : { from: T0 + from * STEP_MS }),
    ...(to === null ? {} : { to: T0 + to * STEP_MS }),
  }));

describeWithClickHouse('ClickHouse funnel drop-offs against the SQLite engine', (server) => {
  let worlds: Awaited<ReturnType<typeof openWorlds>>;
  beforeAll(async () => {
    worlds = await openWorlds(server().url, 'dropoffs');
  });
  afterAll(async () => {
    await worlds?.close();
  });

  it('every page matches, cursors included, until the last', async () => {
    let paged = 0;
    let users = 0;
    await fc.assert(
      fc.asyncProperty(batchesArbitrary, dropoffArbitrary, async (batches, query) => {
        await worlds.load(batches, async (world) => {
          let sqliteCursor: string | undefined;
          let clickhouseCursor: string | undefined;
          for (let page = 0; page < 30; page++) {
            const sqlite = await world.sqlite.getFunnelDropoffs(world.sqliteProject, {
              ...query,
              ...(sqliteCursor === undefined ? {} : { cursor: sqliteCursor }),
            });
            const clickhouse = await getFunnelDropoffs(world.clickhouse, world.target, {
              ...query,
              ...(clickhouseCursor === undefined ? {} : { cursor: clickhouseCursor }),
            });
            expect(clickhouse).toEqual(sqlite);
            if (sqlite.persons.some((p) => p.userIds.length > 0)) users++;
            if (sqlite.nextCursor === null) break;
            paged++;
            sqliteCursor = sqlite.nextCursor;
            clickhouseCursor = clickhouse.nextCursor!;
          }
        });
      }),
      // A third of the draws in any order, a third with an exclusion: more runs keep
      // enough lists of several pages.
      { numRuns: 50 },
    );
    // Lists of several pages and persons with user ids happen often enough to mean something.
    expect(paged).toBeGreaterThan(10);
    expect(users).toBeGreaterThan(5);
  }, 240_000);

  it('a cursor that is not one, or names nobody in the project, is refused on both engines', async () => {
    const [batches] = fc.sample(batchesArbitrary, { numRuns: 1, seed: 7 });
    const query: FunnelDropoffQuery = {
      steps: [{ name: 'A' }, { name: 'B' }],
      windowMs: STEP_MS,
      step: 2,
      limit: 2,
    };
    await worlds.load(batches!, async (world) => {
      for (const cursor of [
        'garbage',
        'd1.!!',
        encodeDropoffCursor('nobody'),
        encodeDropoffCursor('user:nobody'),
      ]) {
        await expect(
          world.sqlite.getFunnelDropoffs(world.sqliteProject, { ...query, cursor }),
        ).rejects.toThrow(InvalidCursorError);
        await expect(getFunnelDropoffs(world.clickhouse, world.target, { ...query, cursor })).rejects.toThrow(
          InvalidCursorError,
        );
      }
      // A person of the project is a valid cursor, even one who did not drop off.
      const cursor = encodeDropoffCursor('d0');
      await expect(getFunnelDropoffs(world.clickhouse, world.target, { ...query, cursor })).resolves.toEqual(
        await world.sqlite.getFunnelDropoffs(world.sqliteProject, { ...query, cursor }),
      );
    });
  });
});
