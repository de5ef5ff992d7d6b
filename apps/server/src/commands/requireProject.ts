import type { Project, Store } from '@parcours/store';
import { CliError } from './CliIo.js';

/** The project with this id, or a {@link CliError} naming it and the database. */
export async function requireProject(store: Store, projectId: string, db: string): Promise<Project> {
  const project = (await store.getProjects()).find((p) => p.projectId === projectId);
  if (project === undefined) throw new CliError(`no project ${projectId} in ${db}`);
  return project;
}
