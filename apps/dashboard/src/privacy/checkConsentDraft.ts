import { BANNER_TEXT_LABELS, CONSENT_LANGUAGES, type BannerTextKey } from './describeConsentField.js';
import type { ConsentConfigInput } from './privacyApi.js';

/** The re-ask periods the editor offers, in months: the CNIL's 13 at most. */
export const REASK_MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13] as const;

/** The re-ask period a new project starts with: the CNIL's recommended 6 months. */
export const DEFAULT_REASK_MONTHS = 6;

/** What is wrong with a draft, by the dotted path of each field (`texts.fr.title`). */
export type DraftProblems = Record<string, string>;

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

/**
 * What stops `draft` from being published as version `nextVersion`, field by field
 * (an empty object when nothing does): at least one category; every banner text and
 * the offered categories' label and description in both languages; a controller; an
 * absolute http(s) privacy-policy URL; a re-ask period of 1–13 whole months; a
 * minimum version that exists by then (1 to `nextVersion`). The server checks again.
 */
export function checkConsentDraft(draft: ConsentConfigInput, nextVersion: number): DraftProblems {
  const problems: DraftProblems = {};
  if (draft.categories.length === 0) problems['categories'] = 'Offer at least one category.';
  for (const language of CONSENT_LANGUAGES) {
    const texts = draft.texts[language];
    for (const key of Object.keys(BANNER_TEXT_LABELS) as BannerTextKey[]) {
      if (!texts[key].trim()) problems[`texts.${language}.${key}`] = 'Write this text.';
    }
    for (const category of draft.categories) {
      for (const part of ['label', 'description'] as const) {
        if (!texts.categories[category][part].trim())
          problems[`texts.${language}.categories.${category}.${part}`] =
            `Write the ${part} of an offered category.`;
      }
    }
  }
  if (!draft.controllerName.trim()) problems['controllerName'] = 'Name the data controller.';
  if (!isHttpUrl(draft.privacyPolicyUrl.trim()))
    problems['privacyPolicyUrl'] = 'Give the full address of the privacy policy, starting with https://.';
  if (!Number.isInteger(draft.reaskMonths) || draft.reaskMonths < 1 || draft.reaskMonths > 13)
    problems['reaskMonths'] = 'Ask again after 1 to 13 months.';
  const minimum = draft.minimumPolicyVersion;
  if (minimum !== null && (!Number.isInteger(minimum) || minimum < 1 || minimum > nextVersion))
    problems['minimumPolicyVersion'] = `Choose a version from 1 to ${nextVersion}, or none.`;
  return problems;
}
