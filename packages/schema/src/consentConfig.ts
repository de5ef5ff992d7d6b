import type { ConsentCategory } from './types.js';

/**
 * The consent settings a privacy officer publishes, per project, in versions: what
 * the banner (`@parcours/consent-banner`) shows and what the collector holds batches
 * to. Types only: the banner imports them without zod.
 */

/** The languages the banner speaks; it picks one from `navigator.language` (or `data-lang`). */
export const CONSENT_LANGUAGES = ['fr', 'en'] as const;
export type ConsentLanguage = (typeof CONSENT_LANGUAGES)[number];

/** How a category is presented to the visitor. */
export interface ConsentCategoryText {
  label: string;
  description: string;
}

/** Every text of the banner and its preferences dialog, in one language. */
export interface BannerTexts {
  title: string;
  body: string;
  acceptAll: string;
  refuseAll: string;
  customise: string;
  /** The preferences dialog's "save my choices". */
  save: string;
  /** The × button's accessible name; the body says closing is refusing. */
  close: string;
  /** Shown when the browser sends Global Privacy Control. */
  gpcNotice: string;
  /** The small floating button that reopens the preferences ("Cookies"). */
  reopen: string;
  categories: Record<ConsentCategory, ConsentCategoryText>;
}

/** What the privacy officer edits, and `privacy.publishConsentConfig` takes. */
export interface ConsentConfigInput {
  /** The categories offered, in the order shown; at least one. */
  categories: ConsentCategory[];
  texts: Record<ConsentLanguage, BannerTexts>;
  /** The data controller named in the banner. */
  controllerName: string;
  /** An absolute http(s) URL. */
  privacyPolicyUrl: string;
  /** Ask again after this many months (1–13; default 6). */
  reaskMonths: number;
  /**
   * Batches collected under an older policy version are refused (after a material
   * change); null: every published version is accepted.
   */
  minimumPolicyVersion: number | null;
}

/** A published, immutable version of a project's consent settings. */
export interface PublishedConsentConfig extends ConsentConfigInput {
  /** 1 for the default every project starts with, then +1 on every publish. */
  policyVersion: number;
  /** SHA-256 (lower-case hex) of the canonical JSON of the `ConsentConfigInput`. */
  configHash: string;
  publishedAt: number;
}
