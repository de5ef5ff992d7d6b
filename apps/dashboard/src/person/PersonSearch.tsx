import { useEffect, useState } from 'preact/hooks';
import { PERSON_ID_KINDS, type PersonIdKind, type PersonLookup } from './getPersonLookup.js';

const PLACEHOLDERS: Record<PersonIdKind, string> = {
  userId: 'e.g. user_1234 (from your own systems)',
  anonymousId: 'e.g. the id of a browser or device',
  personId: 'e.g. a person id shown below',
};

export interface PersonSearchProps {
  /** The person on screen, if any: the form shows their id. */
  lookup: PersonLookup | undefined;
  onSearch: (lookup: PersonLookup) => void;
}

/** Finds a person by one id: a kind selector and a text field. */
export function PersonSearch({ lookup, onSearch }: PersonSearchProps) {
  const [kind, setKind] = useState<PersonIdKind>(lookup?.kind ?? 'userId');
  const [value, setValue] = useState(lookup?.value ?? '');

  // Follow the URL when a link or the back button changes the person shown.
  useEffect(() => {
    if (lookup === undefined) return;
    setKind(lookup.kind);
    setValue(lookup.value);
  }, [lookup?.kind, lookup?.value]);

  const onSubmit = (event: Event) => {
    event.preventDefault();
    const id = value.trim();
    if (id !== '') onSearch({ kind, value: id });
  };

  return (
    <form class="search" role="search" aria-label="Find a person" onSubmit={onSubmit}>
      <div class="field">
        <label for="person-id-kind">Find a person by</label>
        <select
          id="person-id-kind"
          value={kind}
          onChange={(event) => setKind(event.currentTarget.value as PersonIdKind)}
        >
          {Object.entries(PERSON_ID_KINDS).map(([option, label]) => (
            <option key={option} value={option}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <div class="field field-grow">
        <label for="person-id">{PERSON_ID_KINDS[kind]}</label>
        <input
          id="person-id"
          type="search"
          required
          autoComplete="off"
          spellcheck={false}
          placeholder={PLACEHOLDERS[kind]}
          value={value}
          onInput={(event) => setValue(event.currentTarget.value)}
        />
      </div>
      <button type="submit">Show journey</button>
    </form>
  );
}
