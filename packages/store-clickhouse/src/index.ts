export {
  openClickHouseJourneyStore,
  type ClickHouseJourneyStore,
  type ClickHouseJourneyStoreOptions,
} from './openClickHouseJourneyStore.js';
export {
  openClickHouseStore,
  openClickHouseStoreEngine,
  type ClickHouseStoreOptions,
} from './openClickHouseStore.js';
export { parseClickHouseUrl } from './parseClickHouseUrl.js';
