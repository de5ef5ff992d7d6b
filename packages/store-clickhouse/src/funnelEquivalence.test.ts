import fc from 'fast-check';
import { queryArbitrary } from '@parcours/store/conformance';
import { expect, it } from 'vitest';
import {
  batchesArbitrary,
  modeArbitrary,
  scaledArbitrary,
  normalise,
  useBothEngines,
} from './journeyEquivalence.conformance.js';
import { describeWithClickHouse } from './testing/describeWithClickHouse.js';

/** Funnels in sequence, in any order and with exclusions: the same answers on both engines. */
describeWithClickHouse('ClickHouse funnels against the SQLite engine', (server) => {
  const onBoth = useBothEngines(server);

  it('funnels: counts, conversion, drop-off (in progress and abandoned), medians and breakdowns match', async () => {
    let twoSteps = 0;
    let threeSteps = 0;
    await fc.assert(
      fc.asyncProperty(batchesArbitrary, queryArbitrary, async (batches, query) => {
        const answers = await onBoth(batches, (engine, projectId) => engine.getFunnel(projectId, query));
        expect(normalise(answers.clickhouse)).toEqual(normalise(answers.sqlite));
        if (query.steps.length >= 2 && answers.sqlite.steps[1]!.count > 0) twoSteps++;
        if (query.steps.length >= 3 && answers.sqlite.steps[2]!.count > 0) threeSteps++;
      }),
      { numRuns: 60 },
    );
    // The comparisons prove little unless funnels go deep; about 40% and 10% of runs do.
    expect(twoSteps).toBeGreaterThan(10);
    expect(threeSteps).toBeGreaterThan(0);
  }, 360_000);

  it('funnels in any order and with exclusions: counts, in progress, weeks, time to convert and settings match', async () => {
    let deep = 0;
    let weeks = 0;
    let excluded = 0;
    let unordered = 0;
    await fc.assert(
      fc.asyncProperty(scaledArbitrary(modeArbitrary), async ([batches, query]) => {
        const answers = await onBoth(batches, (engine, projectId) => engine.getFunnel(projectId, query));
        expect(normalise(answers.clickhouse)).toEqual(normalise(answers.sqlite));
        if (query.steps.length >= 2 && answers.sqlite.steps[1]!.count > 0) deep++;
        if (answers.sqlite.overTime.length >= 2) weeks++;
        if ((query.exclusions ?? []).length > 0 && (answers.sqlite.steps[1]?.count ?? 0) > 0) excluded++;
        if (query.order === 'any' && (answers.sqlite.steps[1]?.count ?? 0) > 0) unordered++;
      }),
      { numRuns: 80 },
    );
    // About a third of the draws each: in sequence, in any order, with exclusions.
    expect(excluded).toBeGreaterThan(3);
    expect(unordered).toBeGreaterThan(3);
    expect(deep).toBeGreaterThan(10);
    expect(weeks).toBeGreaterThan(3);
  }, 360_000);
});
