import { can } from '../access/can.js';
import type { PageProps } from '../pages.js';
import { createProjectHash } from '../routing/resolveRoute.js';
import { getPersonLookup, PERSON_PATH } from './getPersonLookup.js';
import { PersonDirectory } from './PersonDirectory.js';
import { PersonPage } from './PersonPage.js';

/**
 * "Persons": the list of persons, or one person's page when the URL names them
 * (`?personId=…`, as the list, drop-off lists and the consent log link to). Roles
 * that read timelines only (privacy officers) look persons up by id.
 */
export function PersonsPage({ project, params }: PageProps) {
  const lookup = getPersonLookup(params);
  const canList = can(project.role, 'readJourneys');
  if (lookup === undefined && canList) return <PersonDirectory project={project} params={params} />;
  return (
    <>
      {canList && (
        <p>
          <a href={createProjectHash(project.projectId, PERSON_PATH)}>← All persons</a>
        </p>
      )}
      <PersonPage project={project} params={params} />
    </>
  );
}
