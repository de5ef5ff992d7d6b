/**
 * `@parcours/store/conformance` (test code: it imports vitest, and is not built): the
 * conformance suite any Store engine runs in its own tests, e.g.
 * `describeStoreConformance({ engine: 'ClickHouse', openEngine })`.
 * SQLite runs it in `sqlite/openSqliteStore.test.ts`.
 */
export { describeStoreConformance } from '../Store.conformance.js';
export { openConformanceStore, type ConformanceTarget } from './openConformanceStore.js';
export {
  FUNNEL_NAMES,
  queryArbitrary,
  scaleFunnelQuery,
  withDriversQuestion,
  withExclusions,
  withFunnelModes,
} from './funnelArbitraries.js';
export { segmentArbitrary, type SegmentVocabulary } from './segmentArbitraries.js';
export { pathsQueryArbitrary, withPathPosition } from './pathsArbitraries.js';
