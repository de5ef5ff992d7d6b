import type { ConsentConfigInput, ConsentLanguage } from '@parcours/schema/consentConfig';

/** `analytics`, `marketing` or `personalization` (`@parcours/schema`'s, as the config names them). */
export type ConsentCategory = ConsentConfigInput['categories'][number];

/** The mechanism: a button of the banner, or the browser's GPC signal (for its default). */
export type BannerSource = 'banner' | 'gpc';

/** What a consent record from the banner says beyond its categories and source (the SDK's `RecordFields`). */
export interface BannerFields {
  action: 'accept_all' | 'refuse_all' | 'custom' | 'withdraw' | 'gpc_default';
  locale: ConsentLanguage;
  path: string;
  gpc: boolean;
  configHash: string;
  /** The published version, as a decimal string. */
  policyVersion: string;
}

/**
 * The part of a Parcours tracker (`@parcours/sdk` ≥ the version with `consent.review`) the
 * banner drives. Declared here: the banner depends on `@parcours/schema` types only.
 */
export interface ConsentTracker {
  consent: {
    grant(categories: ConsentCategory[], source?: string, fields?: BannerFields): void;
    deny(categories?: ConsentCategory[], source?: string, fields?: BannerFields): void;
    get(): ConsentCategory[];
    review(policyVersion: number, since: number): boolean;
    /** Added by the banner: opens the preferences. */
    open?: () => void;
  };
}

/** Options of `createBanner`. */
export interface BannerOptions {
  /** The project's public write key. */
  writeKey: string;
  /** The collector's origin, e.g. `https://parcours.example.com` (no trailing slash). */
  host: string;
  /** The tracker to drive. Default: `window.parcours` (the script-tag SDK). */
  tracker?: ConsentTracker;
  /** `fr` or `en`. Default: from `navigator.language` (French for `fr*`, else English). */
  lang?: string;
  /** Show a small floating button ("Cookies") that reopens the preferences. Default `false`. */
  button?: boolean;
}

/** What `createBanner` returns. */
export interface Banner {
  /** Opens the preferences (also `parcours.consent.open()`); waits for the config. */
  open(): void;
  /** Resolves once the config is read and the banner shown or not (rejects if it cannot be read). */
  ready: Promise<void>;
}
