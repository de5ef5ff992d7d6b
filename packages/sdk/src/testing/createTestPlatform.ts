import type { Platform, Properties } from '../core/types.js';
import { createMemoryStorage } from '../platforms/createMemoryStorage.js';
import { sendWithFetch } from '../platforms/sendWithFetch.js';

/**
 * A platform for unit tests: memory storage shared across "visits" (pass the same
 * `storage` to a second tracker), real `fetch` (so msw sees the wire), and hooks the test
 * fires by hand: `hide()` for page exit, `navigate(url)` for SPA navigation.
 */
export const createTestPlatform = (
  options: { storage?: ReturnType<typeof createMemoryStorage>; gpc?: boolean } = {},
) => {
  const storage = options.storage ?? createMemoryStorage();
  const page = { url: 'https://shop.test/', referrer: '' };
  const hides: (() => void)[] = [];
  const navigations: (() => void)[] = [];
  const exits: string[] = [];
  const platform: Platform = {
    storage,
    // Exit sends behave like `sendBeacon`: they go out, but no answer comes back.
    send: (url, body, exit) => {
      if (!exit) return sendWithFetch(url, body);
      exits.push(body);
      void sendWithFetch(url, body);
      return Promise.resolve({ kind: 'retry' });
    },
    onHide: (fn) => hides.push(fn),
    onNavigate: (fn) => navigations.push(fn),
    context: (): Properties => ({
      url: page.url,
      path: new URL(page.url).pathname,
      referrer: page.referrer,
      locale: 'fr-FR',
    }),
    gpc: options.gpc,
  };
  return {
    platform,
    storage,
    page,
    /** Bodies sent with `exit` set (beacons). */
    exits,
    hide: () => hides.forEach((fn) => fn()),
    navigate: (url: string) => {
      page.referrer = page.url;
      page.url = url;
      navigations.forEach((fn) => fn());
    },
  };
};
