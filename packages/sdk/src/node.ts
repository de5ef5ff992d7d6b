/**
 * `@parcours/sdk/node` — server-side and offline touchpoints.
 *
 * ```ts
 * import { createTracker, createFileStorage } from '@parcours/sdk/node';
 *
 * const parcours = createTracker({
 *   writeKey: 'wk_…',
 *   host: 'https://parcours.example.com',
 *   consent: ['analytics', 'marketing'], // collected elsewhere (in store, on the phone, in the CRM)
 *   secretKey: process.env.PARCOURS_INGEST_KEY, // scope ingest: keeps the marketing events
 *   storage: createFileStorage('./parcours-queue.json'),
 * });
 * parcours.track('Store visit', { store: 'Lyon' }, { userId: 'c_42', channel: 'store', timestamp: Date.parse('2025-03-01T10:00:00Z') });
 * await parcours.flush();
 * ```
 */
import { createTracker as createTrackerOn } from './core/createTracker.js';
import type { Tracker, TrackerOptions } from './core/types.js';
import { createNodePlatform, type NodePlatformOptions } from './platforms/node.js';

export type NodeTrackerOptions = TrackerOptions & NodePlatformOptions;

/**
 * Creates a Node tracker. Per-event `userId`/`anonymousId`/`timestamp` options let one
 * tracker record touchpoints of many people. Consent is usually collected elsewhere:
 * pass it as `consent` (default: none, so nothing is sent); its batches then carry no
 * consent list, and the collector keeps only their `analytics` events unless the
 * tracker also has a `secretKey` of scope `ingest`. Call `await flush()` before exit.
 * Options as {@link TrackerOptions}, plus `storage` (default memory), `context` and
 * `secretKey` (default none).
 */
export const createTracker = (options: NodeTrackerOptions): Tracker =>
  createTrackerOn(options, createNodePlatform(options));

export { createFileStorage } from './platforms/createFileStorage.js';
export { createMemoryStorage } from './platforms/createMemoryStorage.js';
export type * from './core/types.js';
export type { NodePlatformOptions } from './platforms/node.js';
