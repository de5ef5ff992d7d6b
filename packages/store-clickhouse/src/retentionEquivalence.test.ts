import fc from 'fast-check';
import type { CohortRetentionQuery } from '@parcours/store';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { getCohortRetention } from './getCohortRetention.js';
import { describeWithClickHouse } from './testing/describeWithClickHouse.js';
import {
  batchesArbitrary,
  LAST_T,
  maybe,
  openWorlds,
  STEP_MS,
  T0,
  touchpointArbitrary,
} from './testing/journeyWorld.js';

/**
 * The same random events given to the SQLite engine and to ClickHouse give the same
 * weekly retention. The world's times are stretched fourteen-fold (a step of 3.5 days
 * instead of 6 hours), so that its sixteen steps cover eight weeks.
 */
const STRETCH = 14;
const WEEK = 7 * 86_400_000;

const stretchedBatches = batchesArbitrary.map((batches) =>
  batches.map((batch) => batch.map((e) => ({ ...e, timestamp: T0 + (e.timestamp - T0) * STRETCH }))),
);

const queryArbitrary = fc
  .record({
    from: fc.integer({ min: -1, max: LAST_T }),
    weeks: fc.integer({ min: 0, max: 9 }),
    returning: maybe(touchpointArbitrary, 50),
  })
  .map(({ from, weeks, returning }): CohortRetentionQuery => {
    const start = T0 + from * STEP_MS * STRETCH;
    return { from: start, to: start + weeks * WEEK + 1_000, ...(returning !== null && { returning }) };
  });

describeWithClickHouse('ClickHouse cohort retention against the SQLite engine', (server) => {
  let worlds: Awaited<ReturnType<typeof openWorlds>>;
  beforeAll(async () => {
    worlds = await openWorlds(server().url, 'retention');
  });
  afterAll(async () => {
    await worlds?.close();
  });

  it('cohorts, weekly returns and the curve match', async () => {
    let returning = 0;
    await fc.assert(
      fc.asyncProperty(stretchedBatches, queryArbitrary, async (batches, query) => {
        const answers = await worlds.load(batches, async (world) => ({
          sqlite: await world.sqlite.getCohortRetention(world.sqliteProject, query),
          clickhouse: await getCohortRetention(world.clickhouse, world.target, query),
        }));
        expect(answers.clickhouse).toEqual(answers.sqlite);
        if (answers.sqlite.curve.some((point) => point.week > 0 && point.returned > 0)) returning++;
      }),
      { numRuns: 60 },
    );
    // The comparisons prove little unless some persons come back.
    expect(returning).toBeGreaterThan(10);
  }, 360_000);
});
