import type { Project } from '../api/types.js';
import { createHash, type Route } from './parseHash.js';

/** The first segment of a project's routes: `#/p/<projectId>/<page>`. */
const PROJECT_SEGMENT = 'p';

/** The hash of a page of a project, e.g. `#/p/prj_1/funnel?step1=%2F`; `path` '' is its home page. */
export function createProjectHash(projectId: string, path: string, params?: Record<string, string>): string {
  return createHash([PROJECT_SEGMENT, projectId, ...(path ? [path] : [])].join('/'), params);
}

/**
 * The hash of the same page with some URL parameters changed: `changes` override
 * `params`, and an `undefined` change removes the parameter.
 */
export function createChangedHash(
  page: { projectId: string; path: string; params: Record<string, string> },
  changes: Record<string, string | undefined>,
): string {
  const next: Record<string, string> = {};
  for (const [key, value] of Object.entries({ ...page.params, ...changes }))
    if (value !== undefined) next[key] = value;
  return createProjectHash(page.projectId, page.path, next);
}

/** What the signed-in app shows for a route. */
export type ResolvedRoute =
  /** A page of one of the user's projects; `path` '' is the project's home page. */
  | { kind: 'project'; project: Project; path: string; params: Record<string, string> }
  /** A route without a project: the same page in the project to use, to put in the address bar. */
  | { kind: 'redirect'; hash: string }
  /** A project the user is not a member of (or that was deleted). */
  | { kind: 'unknownProject'; projectId: string }
  /** The user is in no project yet. */
  | { kind: 'noProject' };

/**
 * Which project and page a route shows. `#/p/<projectId>/<page>?…` names both, so a copied
 * address opens the same view for any member. A route with no project (`#/`, or a link
 * from before projects were in the URL, `#/funnel?step1=…`) goes to the same page of the
 * project used last, if the user is still in it, else of their first project.
 */
export function resolveRoute(
  route: Route,
  projects: readonly Project[],
  lastProjectId: string | undefined,
): ResolvedRoute {
  const segments = route.path === '' ? [] : route.path.split('/');
  if (segments[0] === PROJECT_SEGMENT && segments[1]) {
    const projectId = segments[1];
    const project = projects.find((p) => p.projectId === projectId);
    if (!project) return { kind: 'unknownProject', projectId };
    return { kind: 'project', project, path: segments.slice(2).join('/'), params: route.params };
  }
  const project = projects.find((p) => p.projectId === lastProjectId) ?? projects[0];
  if (!project) return { kind: 'noProject' };
  const path = segments[0] === PROJECT_SEGMENT ? '' : route.path;
  return { kind: 'redirect', hash: createProjectHash(project.projectId, path, route.params) };
}
