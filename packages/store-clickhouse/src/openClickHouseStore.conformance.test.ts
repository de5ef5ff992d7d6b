import { describeStoreConformance } from '@parcours/store/conformance';
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
});
