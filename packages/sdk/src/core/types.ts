import type { ConsentCategory, ConsentRecord, Properties } from '@parcours/schema/types';

export type {
  ConsentCategory,
  ConsentRecord,
  Event,
  Properties,
  PropertyValue,
} from '@parcours/schema/types';

/**
 * Key-value storage a platform supplies: `localStorage` in the browser, AsyncStorage in
 * React Native, memory or a file in Node. Each call may answer synchronously or with a
 * promise; writes are fire-and-forget and must apply in call order.
 */
export interface KeyValueStorage {
  get(key: string): string | null | undefined | Promise<string | null | undefined>;
  set(key: string, value: string): unknown;
  remove(key: string): unknown;
}

/**
 * What became of one request, as a tagged union: the SDK never throws into the host page.
 * - `ok`: the collector acknowledged (committed) the body;
 * - `retry`: network error, 408, 429 or 5xx — try again later, after `after` ms if the
 *   collector said so (`Retry-After`), else after an exponential backoff;
 * - `drop`: any other answer (400, 401, 413…): retrying cannot help; `reason` names it.
 */
export type Outcome = { kind: 'ok' } | { kind: 'retry'; after?: number } | { kind: 'drop'; reason: string };

/**
 * Everything the platform-free core needs from its host. Browser, React Native and Node
 * each supply one (`src/platforms/`); tests inject their own.
 */
export interface Platform {
  storage: KeyValueStorage;
  /**
   * POSTs `body` (a JSON string sent as `text/plain`, so no CORS preflight) to `url`.
   * `exit` is true when the page or app is going away: use `sendBeacon` or a `keepalive`
   * request; the core then treats anything but `ok` as "leave it in storage".
   */
  send(url: string, body: string, exit: boolean): Promise<Outcome>;
  /** Calls `fn` when the page is hidden or the app goes to the background. */
  onHide(fn: () => void): void;
  /** Calls `fn` on each in-app navigation (SPA history changes); absent = no auto page views. */
  onNavigate?(fn: () => void): void;
  /** Where the touchpoint happens: url, path, referrer, title, locale, screen, timezone… */
  context(): Properties;
  /** True when the person's browser sends Global Privacy Control: `marketing` is refused. */
  gpc?: boolean;
  /** Channel of a visit with no campaign and no referrer: `direct` unless the platform says (`mobile`). */
  channel?: string;
}

/** Options every entry point accepts. */
export interface TrackerOptions {
  /** The project's public write key. */
  writeKey: string;
  /** The collector's origin, e.g. `https://parcours.example.com` (no trailing slash). */
  host: string;
  /** Version of the privacy policy the person is shown, copied into each consent record. Default `"1"`. */
  policyVersion?: string;
  /**
   * Hold events tracked before any consent decision in memory (never in storage), bounded
   * by `maxQueue`, and release those of the granted categories once a decision is taken
   * in the same page. Default `false`: such events are dropped.
   */
  bufferBeforeConsent?: boolean;
  /**
   * Categories already granted elsewhere, with no decision stored and no proof record sent
   * (server-side use, e.g. Node offline touchpoints). Default: none.
   */
  consent?: ConsentCategory[];
  /** Events per request. Default 50. */
  batchSize?: number;
  /** Longest wait before queued events are sent, in ms. Default 5000. */
  flushInterval?: number;
  /** Events kept in the persisted queue; the oldest are dropped (and counted) past it. Default 1000. */
  maxQueue?: number;
  /** First retry delay in ms, doubled on each failure, with jitter. Default 1000. */
  retryDelay?: number;
  /** Longest retry delay in ms. Default 60000. */
  maxRetryDelay?: number;
  /** Record a page view on start and on each SPA navigation, where the platform has pages. Default `true`. */
  autoPage?: boolean;
}

/** Per-event options of `track`, `page` and `feedback`. */
export interface TrackOptions {
  /** Overrides the visit's channel (`email`, `store`, `call_centre`…). */
  channel?: string;
  /** Consent category the event needs. Default `analytics`. */
  category?: ConsentCategory;
  /** When it happened, epoch ms. Default: now. For offline touchpoints. */
  timestamp?: number;
  /** Acts for another person (server-side). Default: the tracker's own anonymous id. */
  anonymousId?: string;
  /** Acts for another person (server-side). Default: the identified user, if any. */
  userId?: string;
}

/** Options of `identify`. */
export interface IdentifyOptions {
  /**
   * `HMAC-SHA256(identitySecret, userId)` as lower-case hex, computed by the site's backend
   * (never in the page: the secret must stay there). Projects that require signed
   * identities merge a person only on links that carry it. Default: none.
   */
  userHash?: string;
}

/** A feedback touchpoint, recorded as a `track` event named `feedback`. */
export interface Feedback {
  kind: 'nps' | 'csat';
  /** 0–10 for NPS, 1–5 for CSAT. */
  score: number;
  comment?: string;
}

/**
 * What a consent record may say beyond its categories and `source` (see `ConsentRecord`):
 * from a banner, the action, locale, path, GPC state, and
 * the published config's `policyVersion` (a version number as a string) and `configHash`.
 * A `policyVersion` given here is kept with the decision and sent, as a number, with every
 * collect batch; `gpc: true` says the person saw the GPC notice, so a `marketing` grant is
 * explicit and kept.
 */
export type RecordFields = Partial<
  Pick<ConsentRecord, 'action' | 'locale' | 'path' | 'gpc' | 'configHash' | 'policyVersion'>
>;

/** The consent half of the API. */
export interface ConsentApi {
  /**
   * Grants categories (added to those already granted), remembers the decision, sends a
   * proof record and starts capture. With Global Privacy Control on, `marketing` is refused.
   * `source` goes into the proof record (default `"sdk"`), and so do `fields` (`RecordFields`).
   */
  grant(categories: ConsentCategory[], source?: string, fields?: RecordFields): void;
  /**
   * Withdraws categories; no argument withdraws everything. Queued events of a withdrawn
   * category are deleted; when nothing stays granted, the anonymous id, the queue and every
   * other stored datum go too, except the decision itself. Sends a proof record.
   */
  deny(categories?: ConsentCategory[], source?: string, fields?: RecordFields): void;
  /**
   * For a consent banner. A stored decision made under a published config (a grant or deny
   * with `policyVersion`) holds every send from the start, so that a stale one lets nothing
   * leave (a grant or deny meanwhile is kept, and waits too); this ends the hold. Returns
   * true, and sends, when the stored decision was made under `policyVersion` at or after
   * `since` (epoch ms). Otherwise returns false and the tracker acts as undecided until the
   * next grant or deny: nothing is sent, what was queued is dropped, and storage is left as
   * it is. Synchronous storage only (the browser's).
   */
  review(policyVersion: number, since: number): boolean;
  /** The categories granted now. */
  get(): ConsentCategory[];
  /** Calls `fn` with the granted categories after each decision; returns an unsubscribe function. */
  onChange(fn: (granted: ConsentCategory[]) => void): () => void;
}

/** A tracker: capture touchpoints with consent, deliver them reliably. */
export interface Tracker {
  /** Records a touchpoint. */
  track(name: string, properties?: Properties, options?: TrackOptions): void;
  /** Records a page or screen view; `name` defaults to the current path. */
  page(name?: string, properties?: Properties, options?: TrackOptions): void;
  /**
   * Links the anonymous id to `userId` (the person's id in your systems). `userHash`, if
   * given, is kept with the user id and sent with each of its events; a later `identify`
   * without one forgets it.
   */
  identify(userId: string, traits?: Properties, options?: IdentifyOptions): void;
  /** Logout: forgets the user id (and its hash) and starts a new anonymous id and session. */
  reset(): void;
  /** Records an NPS or CSAT answer. */
  feedback(feedback: Feedback, options?: TrackOptions): void;
  /** Sends what is queued now; resolves when the queue is empty or a retry is scheduled. */
  flush(): Promise<void>;
  consent: ConsentApi;
}
