/**
 * `@parcours/consent-banner`: the consent banner for pages that use `@parcours/sdk`.
 *
 * ```ts
 * import { createTracker } from '@parcours/sdk';
 * import { createBanner } from '@parcours/consent-banner';
 * const tracker = createTracker({ writeKey: 'wk_…', host: 'https://parcours.example.com' });
 * createBanner({ writeKey: 'wk_…', host: 'https://parcours.example.com', tracker });
 * ```
 */
export { createBanner } from './createBanner.js';
export type { Banner, BannerFields, BannerOptions, BannerSource, ConsentTracker } from './types.js';
