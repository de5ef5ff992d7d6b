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
    // Webhooks and report brands (issue 12, items 3 and 4) are not kept in ClickHouse
    // yet: reported skipped.
    notYet: ['webhooks'],
  });
});
