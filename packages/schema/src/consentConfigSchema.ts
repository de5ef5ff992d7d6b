import { z } from 'zod';
import type { CONSENT_LANGUAGES, BannerTexts, ConsentConfigInput } from './consentConfig.js';
import { CONSENT_CATEGORIES } from './types.js';
import { textSchema } from './validators.js';

/** Bounds of the consent config's texts: enough for any real banner, small enough to ship. */
export const CONSENT_TEXT_LIMITS = {
  title: 120,
  body: 1_500,
  /** Every button and the floating "Cookies" label. */
  button: 60,
  gpcNotice: 300,
  categoryLabel: 80,
  categoryDescription: 600,
  controllerName: 200,
  privacyPolicyUrl: 2_048,
} as const;

/** Not only white space: an empty-looking text shows nothing to the visitor. */
const text = (max: number) =>
  textSchema(1, max).refine((value) => value.trim().length > 0, 'must not be empty or only spaces');

const button = text(CONSENT_TEXT_LIMITS.button);

const categoryText = z.object({
  label: text(CONSENT_TEXT_LIMITS.categoryLabel),
  description: text(CONSENT_TEXT_LIMITS.categoryDescription),
});
const categoryTexts = z.object({
  analytics: categoryText,
  marketing: categoryText,
  personalization: categoryText,
}) satisfies z.ZodType<Record<(typeof CONSENT_CATEGORIES)[number], unknown>>;

/** One language's banner texts; every text non-empty and bounded (CONSENT_TEXT_LIMITS). */
export const bannerTextsSchema = z.object({
  title: text(CONSENT_TEXT_LIMITS.title),
  body: text(CONSENT_TEXT_LIMITS.body),
  acceptAll: button,
  refuseAll: button,
  customise: button,
  save: button,
  close: button,
  gpcNotice: text(CONSENT_TEXT_LIMITS.gpcNotice),
  reopen: button,
  categories: categoryTexts,
}) satisfies z.ZodType<BannerTexts>;

/**
 * What `privacy.publishConsentConfig` takes: at least one category, each once; every
 * text of both languages non-empty and bounded; an absolute http(s) privacy-policy
 * URL; `reaskMonths` 1–13 (the CNIL's ceiling for a stored choice); a minimum policy
 * version ≥ 1 or null. Unknown keys are stripped, so the hash covers only the contract.
 */
export const consentConfigInputSchema = z.object({
  categories: z
    .array(z.enum(CONSENT_CATEGORIES))
    .min(1, 'offer at least one category')
    .max(CONSENT_CATEGORIES.length)
    .refine((list) => new Set(list).size === list.length, 'each category at most once'),
  texts: z.object({ fr: bannerTextsSchema, en: bannerTextsSchema }) satisfies z.ZodType<
    Record<(typeof CONSENT_LANGUAGES)[number], unknown>
  >,
  controllerName: text(CONSENT_TEXT_LIMITS.controllerName),
  privacyPolicyUrl: textSchema(1, CONSENT_TEXT_LIMITS.privacyPolicyUrl).refine(isHttpUrl, {
    message: 'an absolute http:// or https:// URL',
  }),
  reaskMonths: z.number().int().min(1).max(13),
  minimumPolicyVersion: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER).nullable(),
}) satisfies z.ZodType<ConsentConfigInput>;

/** An absolute http(s) URL with a host and no white space (no `URL` global in this package's types). */
const HTTP_URL = /^https?:\/\/[^\s/?#@]+(?:[/?#]\S*)?$/i;

function isHttpUrl(value: string): boolean {
  return HTTP_URL.test(value);
}
