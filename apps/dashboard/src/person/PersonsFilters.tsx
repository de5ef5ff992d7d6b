import { useState } from 'preact/hooks';
import type { JourneyStage } from '../api/types.js';
import { PERSON_SORT_LABELS, type PersonSort, type PersonsFilter } from './parsePersonsFilter.js';

export interface PersonsFiltersProps {
  filter: PersonsFilter;
  /** The journey map's stages, for "reached stage". */
  stages: readonly JourneyStage[];
  onSubmit: (filter: PersonsFilter) => void;
}

/** The persons list's search and filters: every one given must hold. */
export function PersonsFilters({ filter, stages, onSubmit }: PersonsFiltersProps) {
  const [draft, setDraft] = useState<PersonsFilter>(filter);
  const set = (key: keyof PersonsFilter) => (event: { currentTarget: { value: string } }) =>
    setDraft({ ...draft, [key]: event.currentTarget.value || undefined });
  const text = (key: 'q' | 'property' | 'value' | 'channel', label: string, placeholder: string) => (
    <div class={key === 'q' ? 'field field-grow' : 'field'}>
      <label for={`persons-${key}`}>{label}</label>
      <input
        id={`persons-${key}`}
        type={key === 'q' ? 'search' : 'text'}
        placeholder={placeholder}
        autoComplete="off"
        spellcheck={false}
        value={draft[key] ?? ''}
        onInput={set(key)}
      />
    </div>
  );
  const day = (key: 'firstFrom' | 'firstTo' | 'lastFrom' | 'lastTo', label: string) => (
    <div class="field">
      <label for={`persons-${key}`}>{label}</label>
      <input id={`persons-${key}`} type="date" value={draft[key] ?? ''} onInput={set(key)} />
    </div>
  );

  return (
    <form
      class="inline-form"
      aria-label="Search persons"
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit(draft);
      }}
    >
      {text('q', 'Id starts with', 'person, user or device id')}
      {text('property', 'Property', 'e.g. plan')}
      {text('value', 'equals', 'e.g. pro')}
      {text('channel', 'Channel', 'e.g. email')}
      <div class="field">
        <label for="persons-stage">Reached stage</label>
        <select id="persons-stage" value={draft.stage ?? ''} onChange={set('stage')}>
          <option value="">Any stage</option>
          {stages.map((stage) => (
            <option key={stage.name} value={stage.name}>
              {stage.name}
            </option>
          ))}
        </select>
      </div>
      {day('firstFrom', 'First seen from')}
      {day('firstTo', 'First seen to')}
      {day('lastFrom', 'Last seen from')}
      {day('lastTo', 'Last seen to')}
      <div class="field">
        <label for="persons-sort">Sort by</label>
        <select
          id="persons-sort"
          value={`${draft.sort}:${draft.order}`}
          onChange={(event) => {
            const [sort, order] = event.currentTarget.value.split(':') as [PersonSort, 'asc' | 'desc'];
            setDraft({ ...draft, sort, order });
          }}
        >
          {Object.entries(PERSON_SORT_LABELS).flatMap(([sort, label]) =>
            (['desc', 'asc'] as const).map((order) => (
              <option key={`${sort}:${order}`} value={`${sort}:${order}`}>
                {label}, {describeOrder(sort as PersonSort, order)}
              </option>
            )),
          )}
        </select>
      </div>
      <button type="submit" class="button-secondary">
        Search
      </button>
    </form>
  );
}

function describeOrder(sort: PersonSort, order: 'asc' | 'desc'): string {
  if (sort === 'touchpoints') return order === 'desc' ? 'most first' : 'fewest first';
  if (sort === 'personId') return order === 'desc' ? 'Z to A' : 'A to Z';
  return order === 'desc' ? 'latest first' : 'earliest first';
}
