import { createPersonHash } from '../person/getPersonLookup.js';

/** Some of the persons a friction item touches, each a link to their timeline. */
export function PersonExamples({ projectId, personIds }: { projectId: string; personIds: string[] }) {
  return (
    <ul class="person-examples">
      {personIds.map((personId) => (
        <li key={personId}>
          <a class="id" href={createPersonHash(projectId, { kind: 'personId', value: personId })}>
            {personId}
          </a>
        </li>
      ))}
    </ul>
  );
}
