import fc from 'fast-check';
import type { PersonRef } from '@parcours/store';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { getPersonTimeline } from './getPersonTimeline.js';
import { describeWithClickHouse } from './testing/describeWithClickHouse.js';
import { batchesArbitrary, DEVICES, openWorlds, USERS } from './testing/journeyWorld.js';

/**
 * The same random events, given to the SQLite engine and to ClickHouse, give the same
 * person timelines, whichever way the person is named (user id, device, person id,
 * unknown ones included): the person, every event as it came (identifies, channels,
 * categories, properties and context, absent fields absent), the order and the cut.
 */
const REFS: PersonRef[] = [
  ...USERS.map((userId) => ({ userId })),
  ...DEVICES.map((anonymousId) => ({ anonymousId })),
  ...['user:u1', 'user:nobody', 'd0', 'device:user:u1', 'device:device:x', 'device:x', 'nobody'].map(
    (personId) => ({ personId }),
  ),
  { userId: 'nobody' },
  { anonymousId: 'nobody' },
];

describeWithClickHouse('ClickHouse person timelines against the SQLite engine', (server) => {
  let worlds: Awaited<ReturnType<typeof openWorlds>>;
  beforeAll(async () => {
    worlds = await openWorlds(server().url, 'timelines');
  });
  afterAll(async () => {
    await worlds?.close();
  });

  it('every person, named every way, has the same timeline, cut at the same limit', async () => {
    let merged = 0;
    let truncated = 0;
    await fc.assert(
      fc.asyncProperty(batchesArbitrary, fc.integer({ min: 1, max: 30 }), async (batches, limit) => {
        await worlds.load(batches, async (world) => {
          for (const ref of REFS) {
            const sqlite = await world.sqlite.getPersonTimeline(world.sqliteProject, ref, { limit });
            const clickhouse = await getPersonTimeline(world.clickhouse, world.target, ref, { limit });
            expect(clickhouse, JSON.stringify(ref)).toEqual(sqlite);
            if ((sqlite?.person.anonymousIds.length ?? 0) > 1) merged++;
            if (sqlite?.truncated) truncated++;
          }
        });
      }),
      { numRuns: 40 },
    );
    // Users on several devices, and cut timelines, are part of the comparison.
    expect(merged).toBeGreaterThan(20);
    expect(truncated).toBeGreaterThan(20);
  }, 240_000);
});
