import fc from 'fast-check';
import { ATTRIBUTION_MODELS, type OverviewQuery, type StagesQuery } from '@parcours/store';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { getOverview } from './getOverview.js';
import { getStages } from './getStages.js';
import { describeWithClickHouse } from './testing/describeWithClickHouse.js';
import {
  batchesArbitrary,
  journeyMapArbitrary,
  maybe,
  openWorlds,
  STEP_MS,
  timeArbitrary,
  touchpointArbitrary,
} from './testing/journeyWorld.js';

/**
 * The same random events and journey map, given to the SQLite engine and to
 * ClickHouse, give the same stages: persons, conversion from the previous stage,
 * touchpoint volumes by channel, exit rates, NPS and CSAT after each touchpoint and
 * stage, NPS and CSAT per channel, pain points;
 * and the same overview: per day, per channel, in total, and the conversions credited
 * to channels under each attribution model (first, last, any touch).
 */
const stagesQueryArbitrary = fc
  .record({ from: maybe(timeArbitrary, 40), to: maybe(timeArbitrary, 40) })
  .map(({ from, to }): StagesQuery => ({
    ...(from === null ? {} : { from }),
    ...(to === null ? {} : { to }),
  }));

const overviewArbitrary = fc
  .record({
    from: timeArbitrary,
    // Up to five days: ranges that start or end inside a day, and days without events.
    length: fc.integer({ min: 0, max: 20 }).map((n) => n * STEP_MS + (n % 3) * 1_000),
    conversion: maybe(touchpointArbitrary, 50),
    attribution: maybe(fc.constantFrom(...ATTRIBUTION_MODELS), 75),
  })
  .map(({ from, length, conversion, attribution }): OverviewQuery => ({
    from,
    to: from + length,
    ...(conversion === null ? {} : { conversion }),
    ...(attribution === null ? {} : { attribution }),
  }));

describeWithClickHouse('ClickHouse stages against the SQLite engine', (server) => {
  let worlds: Awaited<ReturnType<typeof openWorlds>>;
  beforeAll(async () => {
    worlds = await openWorlds(server().url, 'stages');
  });
  afterAll(async () => {
    await worlds?.close();
  });

  it('stages: persons, conversion, volumes by channel, exit rates, NPS, CSAT, channels and pain points match', async () => {
    let converted = 0;
    let withNps = 0;
    let painPoints = 0;
    let skipped = 0;
    let deviated = 0;
    let stageScores = 0;
    let withCsat = 0;
    let stageCsat = 0;
    let channelScores = 0;
    await fc.assert(
      fc.asyncProperty(
        batchesArbitrary,
        journeyMapArbitrary,
        stagesQueryArbitrary,
        async (batches, map, query) => {
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
          if (answers.sqlite.stages.some((s) => (s.withoutPrevious ?? 0) > 0)) skipped++;
          if (answers.sqlite.designedOrder.deviations.length > 0) deviated++;
          if (answers.sqlite.stages.some((s) => s.feedback.responses > 0)) stageScores++;
          if (answers.sqlite.stages.some((s) => s.touchpoints.some((t) => t.csat.responses > 0))) withCsat++;
          if (answers.sqlite.stages.some((s) => s.csat.responses > 0)) stageCsat++;
          if (answers.sqlite.channels.filter((c) => c.nps.responses + c.csat.responses > 0).length > 1)
            channelScores++;
        },
      ),
      { numRuns: 60 },
    );
    // The comparisons prove little unless the figures are not all zero.
    expect(converted).toBeGreaterThan(5);
    expect(withNps).toBeGreaterThan(5);
    expect(painPoints).toBeGreaterThan(5);
    expect(skipped).toBeGreaterThan(5);
    expect(deviated).toBeGreaterThan(5);
    expect(stageScores).toBeGreaterThan(5);
    expect(withCsat).toBeGreaterThan(5);
    expect(stageCsat).toBeGreaterThan(5);
    expect(channelScores).toBeGreaterThan(5);
  }, 360_000);

  it('overview: persons, touchpoints, conversions, NPS per day, per channel and in total, and attribution match', async () => {
    let converting = 0;
    let credited = 0;
    await fc.assert(
      fc.asyncProperty(
        batchesArbitrary,
        journeyMapArbitrary,
        overviewArbitrary,
        async (batches, map, query) => {
          const answers = await worlds.load(batches, async (world) => {
            await world.sqlite.setJourneyMap(world.sqliteProject, map);
            // The default conversion (the decision stage's touchpoints) is the caller's rule.
            const conversions =
              query.conversion === undefined
                ? (map.find((stage) => stage.name === 'decision')?.touchpoints ?? [])
                : [query.conversion];
            return {
              sqlite: await world.sqlite.getOverview(world.sqliteProject, query),
              clickhouse: await getOverview(world.clickhouse, world.target, query, conversions),
            };
          });
          expect(answers.clickhouse).toEqual(answers.sqlite);
          if (answers.sqlite.totals.conversions > 0 && answers.sqlite.days.length > 1) converting++;
          // Credits that differ by model: "last" is not always the conversion's own channel.
          if (new Set(answers.sqlite.attribution.channels.map((row) => row.channel)).size > 1) credited++;
        },
      ),
      { numRuns: 60 },
    );
    expect(converting).toBeGreaterThan(10);
    expect(credited).toBeGreaterThan(5);
  }, 360_000);

  it('overview: a range of more than 366 days or ending before it starts is refused, as on SQLite', async () => {
    const year = 366 * 86_400_000;
    for (const query of [
      { from: 0, to: year },
      { from: 10, to: 9 },
    ]) {
      await expect(
        getOverview(worlds.clickhouse, { database: 'stages', projectId: 'x' }, query, []),
      ).rejects.toThrow(/the range must be 1 to 366 days/);
    }
  });
});
