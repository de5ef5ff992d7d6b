import {
  BANNER_TEXT_LABELS,
  CATEGORY_NAMES,
  LANGUAGE_NAMES,
  type BannerTextKey,
} from './describeConsentField.js';
import type { DraftProblems } from './checkConsentDraft.js';
import { ConsentTextField } from './ConsentTextField.js';
import type { BannerTexts, ConsentCategory, ConsentLanguage } from './privacyApi.js';

export interface BannerTextsEditorProps {
  language: ConsentLanguage;
  texts: BannerTexts;
  /** The categories offered: only theirs are edited (the others keep their texts). */
  categories: readonly ConsentCategory[];
  problems: DraftProblems;
  onChange: (texts: BannerTexts) => void;
}

const LONG_TEXTS = new Set<BannerTextKey>(['body', 'gpcNotice']);

/** The banner's texts in one language: title, body, buttons, notices, and each offered category. */
export function BannerTextsEditor({
  language,
  texts,
  categories,
  problems,
  onChange,
}: BannerTextsEditorProps) {
  const headingId = `consent-texts-${language}-heading`;
  return (
    <section class="card consent-texts" aria-labelledby={headingId}>
      <h2 id={headingId}>Banner in {LANGUAGE_NAMES[language]}</h2>
      <div class="consent-fields">
        {(Object.keys(BANNER_TEXT_LABELS) as BannerTextKey[]).map((key) => {
          const path = `texts.${language}.${key}`;
          return (
            <ConsentTextField
              key={key}
              path={path}
              label={BANNER_TEXT_LABELS[key]}
              lang={language}
              multiline={LONG_TEXTS.has(key)}
              value={texts[key]}
              problem={problems[path]}
              onInput={(value) => onChange({ ...texts, [key]: value })}
            />
          );
        })}
      </div>
      {categories.map((category) => (
        <fieldset key={category} class="consent-category">
          <legend>{CATEGORY_NAMES[category]}</legend>
          {(['label', 'description'] as const).map((part) => {
            const path = `texts.${language}.categories.${category}.${part}`;
            return (
              <ConsentTextField
                key={part}
                path={path}
                label={part === 'label' ? 'Label' : 'Description'}
                lang={language}
                multiline={part === 'description'}
                value={texts.categories[category][part]}
                problem={problems[path]}
                onInput={(value) =>
                  onChange({
                    ...texts,
                    categories: {
                      ...texts.categories,
                      [category]: { ...texts.categories[category], [part]: value },
                    },
                  })
                }
              />
            );
          })}
        </fieldset>
      ))}
    </section>
  );
}
