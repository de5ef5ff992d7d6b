/**
 * `@parcours/sdk` — the browser entry point.
 *
 * ```ts
 * import { createTracker } from '@parcours/sdk';
 * const parcours = createTracker({ writeKey: 'wk_…', host: 'https://parcours.example.com' });
 * parcours.consent.grant(['analytics']); // nothing is stored or sent before a grant
 * parcours.track('Signed up', { plan: 'pro' });
 * ```
 */
import { createTracker as createTrackerOn } from './core/createTracker.js';
import type { Tracker, TrackerOptions } from './core/types.js';
import { createBrowserPlatform } from './platforms/browser.js';

/**
 * Creates a browser tracker: localStorage queue, `fetch`/`sendBeacon` delivery, a page view
 * on start and on each SPA navigation (`autoPage`, default `true`). See {@link TrackerOptions}
 * for every option and its default.
 */
export const createTracker = (options: TrackerOptions): Tracker =>
  createTrackerOn(options, createBrowserPlatform());

export { createTrackerOn };
export type * from './core/types.js';
