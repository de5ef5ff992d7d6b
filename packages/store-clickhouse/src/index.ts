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

// The journey queries as functions over a client and `{ database, projectId }`, for the
// full ClickHouse store: the caller passes what is a rule above the engines (the
// journey map, the conversions, the timeline limit).
export { createTables } from './createTables.js';
export { insertEvents } from './insertEvents.js';
export { getFunnel } from './getFunnel.js';
export { getFunnelDropoffs } from './getFunnelDropoffs.js';
export { getOverview } from './getOverview.js';
export { getCohortRetention } from './getCohortRetention.js';
export { getPaths } from './getPaths.js';
export { getPathPersons } from './getPathPersons.js';
export { getPersonProfile } from './getPersonProfile.js';
export { getPersons } from './getPersons.js';
export { getPersonTimeline } from './getPersonTimeline.js';
export { getStages } from './getStages.js';
