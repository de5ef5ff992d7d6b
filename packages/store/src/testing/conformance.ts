/**
 * The conformance suites every Store engine runs (`@parcours/store/conformance`,
 * test code: it imports vitest). SQLite runs them in `openSqliteStore.test.ts`.
 */
export { describeStoreConformance } from '../Store.conformance.js';
export { describeAccountStoreConformance } from '../accounts/AccountStore.conformance.js';
export { describePrivacyStoreConformance } from '../privacy/PrivacyStore.conformance.js';
export type { ConformanceOptions } from './selectTests.js';
