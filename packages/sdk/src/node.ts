/**
 * `@parcours/sdk/node` — server-side and offline touchpoints.
 *
 * ```ts
 * import { createTracker, createFileStorage } from '@parcours/sdk/node';
 *
 * const parcours = createTracker({
 *   writeKey: 'wk_…',
 *   host: 'https://parcours.example.com',
 *   consent: ['analytics'], // collected elsewhere (in store, on the phone, in the CRM)
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
 * pass it as `consent` (default: none, so nothing is sent). Call `await flush()` before exit.
 * Options as {@link TrackerOptions}, plus `storage` (default memory) and `context`.
 */
export const createTracker = (options: NodeTrackerOptions): Tracker =>
  createTrackerOn(options, createNodePlatform(options));

export { createFileStorage } from './platforms/createFileStorage.js';
export { createMemoryStorage } from './platforms/createMemoryStorage.js';
export type * from './core/types.js';
export type { NodePlatformOptions } from './platforms/node.js';
