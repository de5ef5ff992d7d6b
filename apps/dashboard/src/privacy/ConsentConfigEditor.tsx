import { useState } from 'preact/hooks';
import { describeField, Field } from '../components/Field.js';
import { BannerTextsEditor } from './BannerTextsEditor.js';
import { checkConsentDraft, DEFAULT_REASK_MONTHS, REASK_MONTHS } from './checkConsentDraft.js';
import { CATEGORY_NAMES, CONSENT_CATEGORIES, CONSENT_LANGUAGES } from './describeConsentField.js';
import { diffConsentConfigs } from './diffConsentConfigs.js';
import { ConsentTextField, getConsentFieldId } from './ConsentTextField.js';
import type { ConsentConfigInput, PublishedConsentConfig } from './privacyApi.js';

export interface ConsentConfigEditorProps {
  /** The current published version: the draft starts from it. */
  current: PublishedConsentConfig;
  isPublishing: boolean;
  onPublish: (draft: ConsentConfigInput) => void;
}

/** The published settings without their version fields: what the editor edits. */
function toDraft(config: PublishedConsentConfig): ConsentConfigInput {
  const { policyVersion: _v, configHash: _h, publishedAt: _p, ...input } = config;
  return input;
}

/**
 * The consent settings as a form: the categories offered, the controller and policy
 * URL, when to ask again, the minimum version, and the banner's texts in each language.
 * Problems show once the officer tries to publish; the first one takes focus.
 */
export function ConsentConfigEditor({ current, isPublishing, onPublish }: ConsentConfigEditorProps) {
  const [draft, setDraft] = useState<ConsentConfigInput>(() => toDraft(current));
  const [showProblems, setShowProblems] = useState(false);
  const nextVersion = current.policyVersion + 1;
  const allProblems = checkConsentDraft(draft, nextVersion);
  const problems = showProblems ? allProblems : {};
  const changes = diffConsentConfigs(current, draft).length;
  const set = (patch: Partial<ConsentConfigInput>) => setDraft({ ...draft, ...patch });

  const onSubmit = (event: Event) => {
    event.preventDefault();
    const first = Object.keys(allProblems)[0];
    setShowProblems(true);
    if (first === undefined) onPublish(draft);
    else document.getElementById(getConsentFieldId(first))?.focus();
  };
  const toggleCategory = (category: (typeof CONSENT_CATEGORIES)[number], on: boolean) =>
    set({
      // Keep the editor's order, which is the order the banner shows them in.
      categories: CONSENT_CATEGORIES.filter((c) => (c === category ? on : draft.categories.includes(c))),
    });

  return (
    <form class="consent-editor" aria-label="Consent settings" noValidate onSubmit={onSubmit}>
      <section class="card" aria-labelledby="consent-general-heading">
        <h2 id="consent-general-heading">What the banner offers</h2>
        <fieldset
          class="consent-categories"
          aria-describedby={describeField(getConsentFieldId('categories'), problems['categories'])}
        >
          <legend>Categories offered</legend>
          {CONSENT_CATEGORIES.map((category) => (
            <label key={category} class="check">
              <input
                type="checkbox"
                id={category === 'analytics' ? getConsentFieldId('categories') : undefined}
                checked={draft.categories.includes(category)}
                onChange={(event) => toggleCategory(category, event.currentTarget.checked)}
              />
              {CATEGORY_NAMES[category]}
            </label>
          ))}
          {problems['categories'] && (
            <p id={`${getConsentFieldId('categories')}-problem`} class="field-error">
              {problems['categories']}
            </p>
          )}
        </fieldset>
        <div class="consent-fields">
          <ConsentTextField
            path="controllerName"
            value={draft.controllerName}
            problem={problems['controllerName']}
            onInput={(controllerName) => set({ controllerName })}
          />
          <ConsentTextField
            path="privacyPolicyUrl"
            type="url"
            value={draft.privacyPolicyUrl}
            problem={problems['privacyPolicyUrl']}
            onInput={(privacyPolicyUrl) => set({ privacyPolicyUrl })}
          />
          <Field
            id={getConsentFieldId('reaskMonths')}
            label="Ask again after"
            help="The CNIL recommends 6 months; 13 at most."
          >
            <select
              id={getConsentFieldId('reaskMonths')}
              aria-describedby={`${getConsentFieldId('reaskMonths')}-help`}
              value={String(draft.reaskMonths)}
              onChange={(event) => set({ reaskMonths: Number(event.currentTarget.value) })}
            >
              {REASK_MONTHS.map((months) => (
                <option key={months} value={String(months)}>
                  {months} {months === 1 ? 'month' : 'months'}
                  {months === DEFAULT_REASK_MONTHS ? ' (recommended)' : ''}
                </option>
              ))}
            </select>
          </Field>
          <Field
            id={getConsentFieldId('minimumPolicyVersion')}
            label="Minimum policy version"
            problem={problems['minimumPolicyVersion']}
            help="After a material change: touchpoints collected under an older version are refused, and visitors are asked again."
          >
            <select
              id={getConsentFieldId('minimumPolicyVersion')}
              aria-describedby={describeField(
                getConsentFieldId('minimumPolicyVersion'),
                problems['minimumPolicyVersion'],
                true,
              )}
              value={draft.minimumPolicyVersion === null ? '' : String(draft.minimumPolicyVersion)}
              onChange={(event) => {
                const value = event.currentTarget.value;
                set({ minimumPolicyVersion: value === '' ? null : Number(value) });
              }}
            >
              <option value="">None: every published version</option>
              {Array.from({ length: nextVersion }, (_, index) => index + 1).map((version) => (
                <option key={version} value={String(version)}>
                  Version {version}
                  {version === nextVersion ? ' (the one you publish)' : ''}
                </option>
              ))}
            </select>
          </Field>
        </div>
      </section>
      {CONSENT_LANGUAGES.map((language) => (
        <BannerTextsEditor
          key={language}
          language={language}
          texts={draft.texts[language]}
          categories={draft.categories}
          problems={problems}
          onChange={(texts) => set({ texts: { ...draft.texts, [language]: texts } })}
        />
      ))}
      <div class="publish-bar">
        <button type="submit" disabled={isPublishing}>
          {isPublishing ? 'Publishing…' : `Publish as version ${nextVersion}`}
        </button>
        <p class="help" id="consent-changes">
          {changes === 0
            ? `No change from version ${current.policyVersion}: publishing makes an identical new version.`
            : `${changes} ${changes === 1 ? 'field differs' : 'fields differ'} from version ${current.policyVersion}.`}
        </p>
        {showProblems && Object.keys(allProblems).length > 0 && (
          <p class="field-error" role="alert">
            Fix the highlighted fields before publishing.
          </p>
        )}
      </div>
    </form>
  );
}
