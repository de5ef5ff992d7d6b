import fc from 'fast-check';
import type { JourneyStage, StagesQuery } from '@parcours/store';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { getStages } from './getStages.js';
import { describeWithClickHouse } from './testing/describeWithClickHouse.js';
import { batchesArbitrary, maybe, openWorlds, timeArbitrary, touchpointArbitrary } from './testing/journeyWorld.js';

/**
 * The same random events and journey map, given to the SQLite engine and to
 * ClickHouse, give the same stages: persons, conversion from the previous stage,
 * touchpoint volumes by channel, exit rates, NPS after each touchpoint, pain points.
 */
const mapArbitrary: fc.Arbitrary<JourneyStage[]> = fc.array(
  fc.record({
    name: fc.constantFrom('awareness', 'consideration', 'decision', 'retention'),
    touchpoints: fc.array(touchpointArbitrary, { maxLength: 3 }),
  }),
  { minLength: 1, maxLength: 4 },
);

const stagesQueryArbitrary = fc
  .record({ from: maybe(timeArbitrary, 40), to: maybe(timeArbitrary, 40) })
  .map(({ from, to }): StagesQuery => ({
    ...(from === null ? {} : { from }),
    ...(to === null ? {} : { to }),
  }));

describeWithClickHouse('ClickHouse stages against the SQLite engine', (server) => {
  let worlds: Awaited<ReturnType<typeof openWorlds>>;
  beforeAll(async () => {
    worlds = await openWorlds(server().url, 'stages');
  });
  afterAll(async () => {
    await worlds?.close();
  });

  it('stages: persons, conversion, volumes by channel, exit rates, NPS and pain points match', async () => {
    let converted = 0;
    let withNps = 0;
    let painPoints = 0;
    await fc.assert(
      fc.asyncProperty(batchesArbitrary, mapArbitrary, stagesQueryArbitrary, async (batches, map, query) => {
        const answers = await worlds.load(batches, async (world) => {
          await world.sqlite.setJourneyMap(world.sqliteProject, map);
          return {
            sqlite: await world.sqlite.getStages(world.sqliteProject, query),
            clickhouse: await getStages(world.clickhouse, world.target, map, query),
          };
        });
        expect(answers.clickhouse).toEqual(answers.sqlite);
        if (answers.sqlite.stages.some((s) => (s.conversionFromPrevious ?? 0) > 0)) converted++;
        if (answers.sqlite.stages.some((s) => s.touchpoints.some((t) => t.responses > 0))) withNps++;
        if (answers.sqlite.painPoints.length > 0) painPoints++;
      }),
      { numRuns: 60 },
    );
    // The comparisons prove little unless the figures are not all zero.
    expect(converted).toBeGreaterThan(5);
    expect(withNps).toBeGreaterThan(5);
    expect(painPoints).toBeGreaterThan(5);
  }, 180_000);
});
