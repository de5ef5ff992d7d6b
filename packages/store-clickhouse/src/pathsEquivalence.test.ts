import fc from 'fast-check';
import { pathsQueryArbitrary, withPathPosition } from '@parcours/store/conformance';
import { expect, it } from 'vitest';
import { batchesArbitrary, useBothEngines } from './journeyEquivalence.conformance.js';
import { describeWithClickHouse } from './testing/describeWithClickHouse.js';

/** Paths and the persons on a path: the same answers, pages and cursors on both engines. */
describeWithClickHouse('ClickHouse paths against the SQLite engine', (server) => {
  const onBoth = useBothEngines(server);

  it('paths: paths, links, exits to "left" and node channels match, start, end, range, depth and limit included', async () => {
    await fc.assert(
      fc.asyncProperty(batchesArbitrary, pathsQueryArbitrary, async (batches, query) => {
        const answers = await onBoth(batches, (engine, projectId) => engine.getPaths(projectId, query));
        expect(answers.clickhouse).toEqual(answers.sqlite);
      }),
      { numRuns: 30 },
    );
  }, 360_000);

  it('persons on a node, link or exit: the same pages, cursors and totals', async () => {
    const question = pathsQueryArbitrary.chain((query) =>
      withPathPosition(query, fc.integer({ min: 1, max: 3 })),
    );
    await fc.assert(
      fc.asyncProperty(batchesArbitrary, question, async (batches, query) => {
        const answers = await onBoth(batches, async (engine, projectId) => {
          const pages = [await engine.getPathPersons(projectId, query)];
          while (pages[pages.length - 1]!.nextCursor !== null) {
            pages.push(
              await engine.getPathPersons(projectId, {
                ...query,
                cursor: pages[pages.length - 1]!.nextCursor!,
              }),
            );
          }
          return pages;
        });
        expect(answers.clickhouse).toEqual(answers.sqlite);
      }),
      { numRuns: 20 },
    );
  }, 360_000);
});
