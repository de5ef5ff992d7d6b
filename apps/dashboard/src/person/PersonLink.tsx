import { createPersonHash } from './getPersonLookup.js';

export interface PersonLinkProps {
  projectId: string;
  person: { personId: string; userIds: readonly string[] };
}

/** A person id linking to their timeline, with their user ids under it: a list row's first cell. */
export function PersonLink({ projectId, person }: PersonLinkProps) {
  return (
    <>
      <a class="id" href={createPersonHash(projectId, { kind: 'personId', value: person.personId })}>
        {person.personId}
      </a>
      {person.userIds.length > 0 && <span class="device">user {person.userIds.join(', ')}</span>}
    </>
  );
}
