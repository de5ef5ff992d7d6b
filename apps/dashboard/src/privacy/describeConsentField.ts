import type { ConsentCategory, ConsentLanguage } from './privacyApi.js';

/** The categories the banner may offer, in the order the editor shows them. */
export const CONSENT_CATEGORIES: readonly ConsentCategory[] = ['analytics', 'marketing', 'personalization'];

/** The banner's languages, in the order the editor shows them. */
export const CONSENT_LANGUAGES: readonly ConsentLanguage[] = ['fr', 'en'];

/** Each language's name, in English as the dashboard speaks it. */
export const LANGUAGE_NAMES: Record<ConsentLanguage, string> = { fr: 'French', en: 'English' };

/** Each category's name in the dashboard. */
export const CATEGORY_NAMES: Record<ConsentCategory, string> = {
  analytics: 'Analytics',
  marketing: 'Marketing',
  personalization: 'Personalisation',
};

/** The banner's texts, in the order the editor shows them, with the editor's label. */
export const BANNER_TEXT_LABELS = {
  title: 'Title',
  body: 'Body',
  acceptAll: '“Accept all” button',
  refuseAll: '“Refuse all” button',
  customise: '“Customise” button',
  save: '“Save my choices” button',
  close: 'Close button’s name (×)',
  gpcNotice: 'Global Privacy Control notice',
  reopen: 'Floating “Cookies” button',
} as const;

/** A banner text other than the categories' own. */
export type BannerTextKey = keyof typeof BANNER_TEXT_LABELS;

const TOP_LABELS: Record<string, string> = {
  categories: 'Categories offered',
  controllerName: 'Controller’s name',
  privacyPolicyUrl: 'Privacy-policy URL',
  reaskMonths: 'Ask again after (months)',
  minimumPolicyVersion: 'Minimum policy version',
};

function isKey<T extends object>(record: T, key: string | undefined): key is Extract<keyof T, string> {
  return key !== undefined && Object.hasOwn(record, key);
}

/**
 * The words for a field of the consent settings, by its dotted path:
 * `texts.fr.title` → `Title (French)`, `texts.en.categories.marketing.label` →
 * `Marketing label (English)`. A path it does not know reads as itself.
 */
export function describeConsentField(path: string): string {
  const [top, language, key, category, part] = path.split('.');
  if (top !== undefined && TOP_LABELS[top] && language === undefined) return TOP_LABELS[top];
  if (top !== 'texts' || !isKey(LANGUAGE_NAMES, language)) return path;
  const inLanguage = ` (${LANGUAGE_NAMES[language]})`;
  if (isKey(BANNER_TEXT_LABELS, key) && category === undefined) return BANNER_TEXT_LABELS[key] + inLanguage;
  if (key === 'categories' && isKey(CATEGORY_NAMES, category) && (part === 'label' || part === 'description'))
    return `${CATEGORY_NAMES[category]} ${part}${inLanguage}`;
  return path;
}
