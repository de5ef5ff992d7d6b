import { useState } from 'preact/hooks';
import { AUDIT_ACTION_KINDS, AUDIT_ACTIONS, type AuditFilter } from './parseAuditFilter.js';

export interface AuditFiltersProps {
  filter: AuditFilter;
  onSubmit: (filter: AuditFilter) => void;
}

/** The audit log's filters: a kind of action or one action, an actor, a range of days. */
export function AuditFilters({ filter, onSubmit }: AuditFiltersProps) {
  const [draft, setDraft] = useState<AuditFilter>(filter);
  const set = (key: keyof AuditFilter) => (event: { currentTarget: { value: string } }) =>
    setDraft({ ...draft, [key]: event.currentTarget.value });

  return (
    <form
      class="inline-form"
      aria-label="Filter the audit log"
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit(draft);
      }}
    >
      <div class="field">
        <label for="audit-action">Action</label>
        <select id="audit-action" value={draft.action ?? ''} onChange={set('action')}>
          <option value="">Any action</option>
          <optgroup label="Kinds">
            {Object.entries(AUDIT_ACTION_KINDS).map(([prefix, label]) => (
              <option key={prefix} value={prefix}>
                {label} ({prefix}…)
              </option>
            ))}
          </optgroup>
          <optgroup label="Actions">
            {AUDIT_ACTIONS.map((action) => (
              <option key={action} value={action}>
                {action}
              </option>
            ))}
          </optgroup>
        </select>
      </div>
      <div class="field field-grow">
        <label for="audit-actor">Actor</label>
        <input
          id="audit-actor"
          type="search"
          placeholder="email, key label or id"
          autoComplete="off"
          spellcheck={false}
          value={draft.actor ?? ''}
          onInput={set('actor')}
        />
      </div>
      <div class="field">
        <label for="audit-from">From</label>
        <input id="audit-from" type="date" value={draft.from ?? ''} onInput={set('from')} />
      </div>
      <div class="field">
        <label for="audit-to">To</label>
        <input id="audit-to" type="date" value={draft.to ?? ''} onInput={set('to')} />
      </div>
      <button type="submit" class="button-secondary">
        Filter
      </button>
    </form>
  );
}
