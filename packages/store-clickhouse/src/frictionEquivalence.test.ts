import fc from 'fast-check';
import type { FrictionQuery } from '@parcours/store';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { getFriction } from './getFriction.js';
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
 * friction: loops, repeated contacts and long waits, with their persons, occurrences,
 * examples and order. Times are stretched twelve-fold (a step of 3 days), so that two
 * contacts two steps apart are a repeat (6 days) and three steps apart are not (9).
 */
const STRETCH = 12;

/**
 * Two worlds' events in one (ids kept apart), sometimes on two names only: a long wait
 * needs a transition seen ten times or more, which one small world rarely has.
 */
const stretchedBatches = fc
  .tuple(batchesArbitrary, batchesArbitrary, fc.boolean())
  .map(([first, second, narrow]) =>
    [...first, ...second.map((batch) => batch.map((e) => ({ ...e, id: `x${e.id}` })))].map((batch) =>
      batch.map((e) => ({
        ...e,
        name: narrow && e.name === 'C' ? 'A' : e.name,
        timestamp: T0 + (e.timestamp - T0) * STRETCH,
      })),
    ),
  );

const queryArbitrary = fc
  .record({
    from: maybe(fc.integer({ min: 0, max: LAST_T }), 40),
    span: fc.integer({ min: 0, max: LAST_T }),
    support: fc.array(touchpointArbitrary, { maxLength: 2 }),
    limit: maybe(fc.integer({ min: 1, max: 4 }), 30),
  })
  .map(({ from, span, support, limit }): FrictionQuery => {
    const query: FrictionQuery = { support };
    if (from !== null) {
      query.from = T0 + from * STEP_MS * STRETCH;
      query.to = query.from + span * STEP_MS * STRETCH;
    }
    if (limit !== null) query.limit = limit;
    return query;
  });

describeWithClickHouse('ClickHouse friction against the SQLite engine', (server) => {
  let worlds: Awaited<ReturnType<typeof openWorlds>>;
  beforeAll(async () => {
    worlds = await openWorlds(server().url, 'friction');
  });
  afterAll(async () => {
    await worlds?.close();
  });

  it('loops, repeated contacts and long waits match, item for item', async () => {
    const seen = { loops: 0, repeats: 0, longWaits: 0 };
    await fc.assert(
      fc.asyncProperty(stretchedBatches, queryArbitrary, async (batches, query) => {
        const answers = await worlds.load(batches, async (world) => ({
          sqlite: await world.sqlite.getFriction(world.sqliteProject, query),
          clickhouse: await getFriction(world.clickhouse, world.target, query),
        }));
        expect(answers.clickhouse).toEqual(answers.sqlite);
        if (answers.sqlite.loops.length > 0) seen.loops++;
        if (answers.sqlite.repeatedContacts.some((contact) => contact.persons > 0)) seen.repeats++;
        if (answers.sqlite.longWaits.length > 0) seen.longWaits++;
      }),
      { numRuns: 40 },
    );
    // The comparisons prove little unless each kind of friction shows up.
    expect(seen.loops).toBeGreaterThan(10);
    expect(seen.repeats).toBeGreaterThan(5);
    expect(seen.longWaits).toBeGreaterThan(3);
  }, 240_000);
});
