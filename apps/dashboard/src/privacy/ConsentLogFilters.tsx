import { useState } from 'preact/hooks';
import { CONSENT_ACTIONS, type ConsentAction, type ConsentLogFilter } from './parseConsentLogFilter.js';

export interface ConsentLogFiltersProps {
  filter: ConsentLogFilter;
  /** The published versions, newest first, to filter on one. */
  versions: readonly number[];
  onSubmit: (filter: ConsentLogFilter) => void;
}

/** The consent log's filters: an anonymous id or user id, a range of days, an action, a version. */
export function ConsentLogFilters({ filter, versions, onSubmit }: ConsentLogFiltersProps) {
  const [draft, setDraft] = useState<ConsentLogFilter>(filter);
  const set = (key: keyof ConsentLogFilter) => (event: { currentTarget: { value: string } }) =>
    setDraft({ ...draft, [key]: event.currentTarget.value || undefined });
  // A version in the URL that is not (yet) in the list still shows as chosen.
  const offered = filter.version && !versions.map(String).includes(filter.version) ? [filter.version] : [];

  return (
    <form
      class="inline-form"
      aria-label="Filter the consent log"
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit(draft);
      }}
    >
      <div class="field field-grow">
        <label for="consent-log-search">Anonymous id or user id</label>
        <input
          id="consent-log-search"
          type="search"
          autoComplete="off"
          spellcheck={false}
          value={draft.search ?? ''}
          onInput={set('search')}
        />
      </div>
      <div class="field">
        <label for="consent-log-from">From</label>
        <input id="consent-log-from" type="date" value={draft.from ?? ''} onInput={set('from')} />
      </div>
      <div class="field">
        <label for="consent-log-to">To</label>
        <input id="consent-log-to" type="date" value={draft.to ?? ''} onInput={set('to')} />
      </div>
      <div class="field">
        <label for="consent-log-action">Action</label>
        <select id="consent-log-action" value={draft.action ?? ''} onChange={set('action')}>
          <option value="">Any action</option>
          {(Object.keys(CONSENT_ACTIONS) as ConsentAction[]).map((action) => (
            <option key={action} value={action}>
              {CONSENT_ACTIONS[action]}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="consent-log-version">Policy version</label>
        <select id="consent-log-version" value={draft.version ?? ''} onChange={set('version')}>
          <option value="">Any version</option>
          {[...offered, ...versions.map(String)].map((version) => (
            <option key={version} value={version}>
              Version {version}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" class="button-secondary">
        Filter
      </button>
    </form>
  );
}
