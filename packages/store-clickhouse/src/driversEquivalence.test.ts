import fc from 'fast-check';
import type { FunnelQuery } from '@parcours/store';
import { expect, it } from 'vitest';
import {
  NAMES,
  batchesArbitrary,
  driversArbitrary,
  scaledArbitrary,
  normalise,
  useBothEngines,
} from './journeyEquivalence.conformance.js';
import { describeWithClickHouse } from './testing/describeWithClickHouse.js';

/** Funnel drivers, and the longest funnels the API takes: the same answers on both engines. */
describeWithClickHouse(
  'ClickHouse funnel drivers and the longest funnels against the SQLite engine',
  (server) => {
    const onBoth = useBothEngines(server);

    it('funnel drivers: persons, conversion, lift and ranking match', async () => {
      let found = 0;
      await fc.assert(
        fc.asyncProperty(scaledArbitrary(driversArbitrary), async ([batches, query]) => {
          const answers = await onBoth(batches, (engine, projectId) =>
            engine.getFunnelDrivers(projectId, query),
          );
          expect(answers.clickhouse).toEqual(answers.sqlite);
          if (answers.sqlite.drivers.length > 0) found++;
        }),
        { numRuns: 40 },
      );
      // About a third of the draws find drivers (the others: nobody or everybody converts).
      expect(found).toBeGreaterThan(6);
    }, 360_000);

    it('the longest funnels (20 steps, an exclusion after each, in any order, their drivers) fit ClickHouse and match', async () => {
      const [batches] = fc.sample(batchesArbitrary, { numRuns: 1, seed: 11 });
      const steps = Array.from({ length: 20 }, (_, k) => ({ name: NAMES[k % 2]! }));
      const exclusions = steps.slice(1).map((_, k) => ({ name: NAMES[2 + (k % 2)]!, afterStep: k + 1 }));
      const funnel: FunnelQuery = { steps, windowMs: 15_000, now: 0 };
      for (const query of [
        { ...funnel, exclusions },
        { ...funnel, order: 'any' as const },
      ]) {
        const answers = await onBoth(batches!, (engine, projectId) => engine.getFunnel(projectId, query));
        expect(normalise(answers.clickhouse)).toEqual(normalise(answers.sqlite));
        expect(answers.sqlite.steps[1]!.count).toBeGreaterThan(0);
        const drivers = await onBoth(batches!, (engine, projectId) =>
          engine.getFunnelDrivers(projectId, { ...query, step: 1, properties: ['plan'] }),
        );
        expect(drivers.clickhouse).toEqual(drivers.sqlite);
      }
    }, 360_000);
  },
);
