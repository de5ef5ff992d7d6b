/**
 * `@parcours/store/testing`: the conformance suite any Store engine runs in its own
 * tests (vitest), e.g.
 * `describeStoreConformance({ engine: 'ClickHouse', openEngine, pending: ['purge'] })`.
 */
export { describeStoreConformance } from '../Store.conformance.js';
export { openConformanceStore, type ConformanceTarget } from './openConformanceStore.js';
