import { createClient } from '@clickhouse/client';
import { createStore } from '@parcours/store';
import { describeStoreConformance } from '@parcours/store/conformance';
import { expect, it } from 'vitest';
import { describeWithClickHouse } from './testing/describeWithClickHouse.js';
import { openClickHouseStoreEngine } from './openClickHouseStore.js';

let databases = 0;

describeWithClickHouse('ClickHouse store', (server) => {
  describeStoreConformance({
    engine: 'ClickHouse',
    // A database per test: the suites expect a fresh store each time.
    openEngine: () =>
      openClickHouseStoreEngine({ url: server().url, database: `conformance_${++databases}` }),
  });

  it('reads the one journey map saved before several maps as the main map, at version 1', async () => {
    const database = 'legacy_map';
    const store = createStore(await openClickHouseStoreEngine({ url: server().url, database }));
    const { projectId } = await store.createProject({ name: 'One map' });
    const stages = [{ name: 'visit', touchpoints: [{ name: '/', goal: true }] }];
    // The record a server before several maps wrote: id the project, no owner, the stages.
    const client = createClient({ url: server().url });
    await client.insert({
      table: `${database}.records`,
      format: 'JSONEachRow',
      values: [
        {
          kind: 'journey_map',
          id: projectId,
          owner: '',
          version: 1,
          deleted: 0,
          body: JSON.stringify(stages),
        },
      ],
    });
    await client.close();
    expect(await store.listJourneyMaps(projectId)).toEqual([
      { mapId: 'main', name: 'Main journey', stages, version: 1, updatedAt: 0, updatedBy: null },
    ]);
    const saved = await store.saveJourneyMap(projectId, {
      mapId: 'main',
      name: 'Visits',
      stages,
      baseVersion: 1,
    });
    expect((await store.listJourneyMaps(projectId)).map((m) => [m.name, m.version])).toEqual([['Visits', 2]]);
    expect(saved.version).toBe(2);
    await store.close();
  }, 60_000);
});
