import { createPersonHash, type PersonIdKind, type PersonLookup } from './getPersonLookup.js';

export interface PersonIdsProps {
  projectId: string;
  kind: PersonIdKind;
  ids: readonly string[];
  /** The id the page was opened with, marked as current. */
  lookup: PersonLookup;
  /** Shown when the person has no id of this kind. */
  empty: string;
}

/** A person's ids of one kind, each a link that looks the person up by it. */
export function PersonIds({ projectId, kind, ids, lookup, empty }: PersonIdsProps) {
  if (ids.length === 0) return <span class="muted">{empty}</span>;
  return (
    <ul class="ids">
      {ids.map((id) => {
        const isCurrent = lookup.kind === kind && lookup.value === id;
        return (
          <li key={id}>
            <a
              class="id"
              href={createPersonHash(projectId, { kind, value: id })}
              aria-current={isCurrent ? 'true' : undefined}
            >
              {id}
            </a>
          </li>
        );
      })}
    </ul>
  );
}
