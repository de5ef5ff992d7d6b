/**
 * The wire contract as plain TypeScript types, with no run-time code beyond a few
 * `as const` lists. The SDK imports from here (`@parcours/schema/types`) so that
 * zod never reaches a browser bundle.
 */

/** The kinds of event on the wire. */
export const EVENT_TYPES = ['track', 'page', 'identify'] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/**
 * Consent categories an event can need. `necessary` is implied and never asked for,
 * so it is not a category an event can carry.
 */
export const CONSENT_CATEGORIES = ['analytics', 'marketing', 'personalization'] as const;
export type ConsentCategory = (typeof CONSENT_CATEGORIES)[number];

/**
 * Channels Parcours knows how to label. The contract accepts any lower-case token
 * (`[a-z][a-z0-9_-]*`), so a company can add its own; these are the ones the SDK
 * derives and the dashboard names.
 */
export const KNOWN_CHANNELS = [
  'ads',
  'social',
  'search',
  'email',
  'referral',
  'direct',
  'web',
  'mobile',
  'store',
  'call_centre',
] as const;
export type KnownChannel = (typeof KNOWN_CHANNELS)[number];

/** A flat JSON value: properties never nest, so they stay queryable and bounded. */
export type PropertyValue = string | number | boolean | null;
export type Properties = Record<string, PropertyValue>;

/** One touchpoint, as the SDK sends it and the store keeps it. */
export interface Event {
  /** Client-made unique id (≤ 64 chars); the store ignores a repeated id, so retries are safe. */
  id: string;
  type: EventType;
  /** The touchpoint's name: `"Signed up"`, `"Email opened"`, a page's path for `page`. */
  name: string;
  /** The device or browser the event came from. */
  anonymousId: string;
  /** The person's id in the customer's own systems, once known. */
  userId?: string;
  /** HMAC-SHA256(identitySecret, userId) as lower-case hex, computed by the site's backend: proves the site asserted this user id (see the project's "require signed identities" setting). */
  userHash?: string;
  /** When it happened, in epoch milliseconds. */
  timestamp: number;
  channel?: string;
  /** The consent category the event needs; `analytics` when absent. */
  category?: ConsentCategory;
  properties?: Properties;
  /** Where it happened: url, path, referrer, title, locale, screen, timezone… */
  context?: Properties;
}

/** The body of `POST /trpc/collect`. */
export interface CollectInput {
  writeKey: string;
  batch: Event[];
  /** Events the SDK dropped since its last delivered batch because its queue was full. */
  dropped?: number;
  /**
   * The consent categories granted on the device when the batch was sent. The
   * collector stores only the events whose category (default `analytics`) is in it:
   * consent is enforced twice, by the SDK and by the collector. Without it, a batch
   * sent with the public write key alone stores only `analytics` events; a trusted
   * server-side source that collects on another legal basis leaves it out and sends a
   * secret key of scope `ingest` (`Authorization: Bearer`), and then every category is stored.
   */
  consent?: ConsentCategory[];
  /**
   * The published consent config version (`PublishedConsentConfig.policyVersion`)
   * under which the visitor chose; the banner tells the SDK. A batch naming a version
   * never published, or one below the config's `minimumPolicyVersion`, is refused
   * whole (counted in `refused`); a batch without it is stored with no version, and
   * refused only once a minimum version is set.
   */
  policyVersion?: number;
}

/** What a consent decision did: the ledger's `action`. */
export const CONSENT_ACTIONS = [
  'accept_all',
  'refuse_all',
  'custom',
  'withdraw',
  'reconsent',
  'gpc_default',
] as const;
export type ConsentAction = (typeof CONSENT_ACTIONS)[number];

/**
 * Proof of one consent decision, sent to `POST /trpc/consent` as
 * `{ writeKey, records: ConsentRecord[] }` and kept for the privacy officer.
 * A refusal carries no identifier of the person: no `anonymousId`, no `userId`.
 */
export interface ConsentRecord {
  /** Client-made unique id: a repeated id is ignored, so the SDK may retry. */
  id: string;
  /** When the decision was made, epoch ms. */
  timestamp: number;
  granted: ConsentCategory[];
  denied: ConsentCategory[];
  /** The version of the privacy policy the person was shown (SDK config `policyVersion`). */
  policyVersion: string;
  /**
   * The mechanism: `"banner"` (a button), `"api"` or `"sdk"` (a call), `"gpc"` (the
   * browser's Global Privacy Control signal).
   */
  source: string;
  /** Present only for a grant or a withdrawal. */
  anonymousId?: string;
  /** Present only for a grant or a withdrawal, when the person is known. */
  userId?: string;
  /**
   * What the decision did. Absent: the server infers it from the categories
   * (nothing granted: `refuse_all`; nothing denied: `accept_all`; else `custom`).
   */
  action?: ConsentAction;
  /** The language the banner was shown in (BCP 47, ≤ 35 characters). */
  locale?: string;
  /** The page's path (≤ 2,048); the server drops anything from `?` or `#`. */
  path?: string;
  /** True when the browser sent Global Privacy Control (the server also reads `Sec-GPC: 1`). */
  gpc?: boolean;
  /**
   * SHA-256 (64 hex) of the config the visitor saw. The ledger keeps the hash of the
   * published version `policyVersion` names, which wins over this one.
   */
  configHash?: string;
}

/** The body of `POST /trpc/consent`. */
export interface ConsentInput {
  writeKey: string;
  records: ConsentRecord[];
}

/** What `collect` answers once the batch is committed. */
export interface CollectResult {
  /** Events stored by this request. */
  accepted: number;
  /** Events whose id was already stored: ignored, not an error. */
  duplicates: number;
  /** Events not stored because the batch's `consent` did not grant their category; absent when 0. */
  refused?: number;
}
