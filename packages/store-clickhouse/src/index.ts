export {
  openClickHouseJourneyStore,
  type ClickHouseJourneyStore,
  type ClickHouseJourneyStoreOptions,
} from './openClickHouseJourneyStore.js';
