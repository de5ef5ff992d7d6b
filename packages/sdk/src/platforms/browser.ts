import { attempt } from '../core/attempt.js';
import type { KeyValueStorage, Platform } from '../core/types.js';
import { sendWithFetch } from './sendWithFetch.js';

// localStorage throws when storage is disabled (Safari private mode, blocked cookies): then nothing persists.

/** First-party storage: `localStorage`, and no cookie at all. */
const storage: KeyValueStorage = {
  get: (key) => attempt(() => localStorage.getItem(key)),
  set: (key, value) => attempt(() => localStorage.setItem(key, value)),
  remove: (key) => attempt(() => localStorage.removeItem(key)),
};

/** The contract caps strings at 2,048 characters. */
const cap = (text: string) => text.slice(0, 2048);

/**
 * The browser adapter: localStorage, `fetch` with `keepalive` (a request still in flight
 * survives the page), `sendBeacon` at page exit, `visibilitychange`/`pagehide` — never
 * `unload`/`beforeunload`, which keep a page out of the back/forward cache — and the
 * History API for SPA page views.
 */
export const createBrowserPlatform = (): Platform => ({
  storage,
  // A beacon gets no answer, so the core keeps its events stored until a later, acknowledged delivery.
  send: (url, body, exit) =>
    exit && attempt(() => navigator.sendBeacon(url, body))
      ? Promise.resolve({ kind: 'retry' })
      : sendWithFetch(url, body, true),
  onHide: (fn) => {
    // On navigation, `pagehide` comes first and `visibilitychange` (hidden) after it (HTML,
    // "unload a document"); on a tab switch only the latter; some Safari versions fire only
    // `pagehide`. Call `fn` once per hiding, and again only after the page was visible.
    let hidden: unknown;
    const onEvent = (event: Event) =>
      hidden != (hidden = event.type == 'pagehide' || document.visibilityState == 'hidden') && hidden && fn();
    addEventListener('visibilitychange', onEvent);
    addEventListener('pagehide', onEvent);
  },
  onNavigate: (fn) => {
    // Only a new path or query is a new page: `replaceState` for scroll state and `#anchor` jumps are not.
    const where = () => location.pathname + location.search;
    let last = where();
    const check = () => last != (last = where()) && fn();
    for (const method of ['pushState', 'replaceState'] as const) {
      const original = history[method];
      history[method] = function (this: History, ...args: Parameters<History['pushState']>) {
        original.apply(this, args);
        check();
      };
    }
    addEventListener('popstate', check);
  },
  context: () => ({
    url: cap(location.href),
    path: location.pathname,
    referrer: cap(document.referrer),
    title: cap(document.title),
    locale: navigator.language,
    screen: screen.width + 'x' + screen.height,
    timezone: Intl.DateTimeFormat().resolvedOptions().timeZone,
  }),
  gpc: (navigator as { globalPrivacyControl?: boolean }).globalPrivacyControl,
});
