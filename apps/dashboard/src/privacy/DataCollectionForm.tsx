import { useState } from 'preact/hooks';
import { describeField, Field } from '../components/Field.js';
import { checkQueryAllowList, parseNameList } from './parseNameList.js';

/** A project's data-collection settings, as `privacy.collectionSettings` answers them. */
export interface CollectionSettings {
  queryAllowList: string[];
  redactPii: boolean;
  piiExemptProperties: string[];
}

export interface DataCollectionFormProps {
  current: CollectionSettings;
  isSaving: boolean;
  onSave: (settings: CollectionSettings) => void;
}

/** The query allow-list, the redaction switch and the exempt properties, saved together. */
export function DataCollectionForm({ current, isSaving, onSave }: DataCollectionFormProps) {
  const [allowText, setAllowText] = useState(current.queryAllowList.join('\n'));
  const [redactPii, setRedactPii] = useState(current.redactPii);
  const [exemptText, setExemptText] = useState(current.piiExemptProperties.join('\n'));
  const [checked, setChecked] = useState(false);
  const queryAllowList = parseNameList(allowText);
  const problem = checked ? checkQueryAllowList(queryAllowList) : undefined;
  const allowHelp = (
    <>
      One per line. Exact names (<code>ref</code>) or a prefix ending in <code>*</code> (<code>utm_*</code>).
      Every other parameter, and the part after <code>#</code>, is dropped from page URLs, referrers and any
      value starting with <code>http://</code> or <code>https://</code>. Empty: no query string is kept.
    </>
  );
  const exemptHelp = (
    <>
      One per line: a property name as sent (<code>supportEmail</code>), or <code>context.</code> and a
      context key (<code>context.title</code>). Their values are stored as sent.
    </>
  );

  return (
    <form
      class="card"
      aria-labelledby="collection-heading"
      onSubmit={(event) => {
        event.preventDefault();
        setChecked(true);
        if (checkQueryAllowList(queryAllowList) !== undefined) return;
        onSave({ queryAllowList, redactPii, piiExemptProperties: parseNameList(exemptText) });
      }}
    >
      <h2 id="collection-heading">What the collector keeps</h2>
      <Field id="query-allow-list" label="Query parameters to keep" problem={problem} help={allowHelp}>
        <textarea
          id="query-allow-list"
          rows={4}
          value={allowText}
          aria-invalid={problem !== undefined}
          aria-describedby={describeField('query-allow-list', problem, allowHelp)}
          onInput={(event) => setAllowText(event.currentTarget.value)}
        />
      </Field>
      <div class="field">
        <label>
          <input
            type="checkbox"
            checked={redactPii}
            aria-describedby="redact-pii-help"
            onChange={(event) => setRedactPii(event.currentTarget.checked)}
          />{' '}
          Redact personal data in property values
        </label>
        <p id="redact-pii-help" class="help">
          Email addresses, phone numbers, card numbers (Luhn-checked), IBANs (checksum-checked) and IP
          addresses are replaced by <code>[email]</code>, <code>[phone]</code>, <code>[card]</code>,{' '}
          <code>[iban]</code> or <code>[ip]</code> in properties, context, page names and consent-record
          paths. User and device ids are kept: they are what links a person’s touchpoints and what erasure
          finds.
        </p>
      </div>
      <Field id="pii-exempt" label="Properties never redacted" help={exemptHelp}>
        <textarea
          id="pii-exempt"
          rows={3}
          value={exemptText}
          disabled={!redactPii}
          aria-describedby={describeField('pii-exempt', undefined, exemptHelp)}
          onInput={(event) => setExemptText(event.currentTarget.value)}
        />
      </Field>
      <button type="submit" disabled={isSaving}>
        {isSaving ? 'Saving…' : 'Save'}
      </button>
    </form>
  );
}
