import { useMutation } from '@tanstack/react-query';
import { useEffect } from 'preact/hooks';
import { can, ROLE_LABELS } from './access/can.js';
import { useTRPC } from './api/trpc.js';
import type { Me } from './api/types.js';
import { ErrorNotice } from './components/ErrorNotice.js';
import { getNavLinks, SECTION_TITLES } from './components/getNavLinks.js';
import { Nav } from './components/Nav.js';
import { LiveIndicator } from './live/LiveIndicator.js';
import { LiveUpdates } from './live/LiveUpdates.js';
import { ProjectSwitcher } from './components/ProjectSwitcher.js';
import { DashboardPrintPage, getPagesFor, PAGES } from './pages.js';
import { parseDashboardPrintPath } from './insights/insightPaths.js';
import { findInsightView } from './insights/insightViews.js';
import { SaveInsightButton } from './insights/SaveInsightButton.js';
import { findPage } from './routing/findPage.js';
import { readLastProject, writeLastProject } from './routing/lastProject.js';
import type { Route } from './routing/parseHash.js';
import { createProjectHash, resolveRoute } from './routing/resolveRoute.js';
import { replaceHash } from './routing/useHashRoute.js';

function skipToMain(event: MouseEvent) {
  event.preventDefault();
  document.getElementById('main')?.focus();
}

export interface ShellProps {
  me: Me;
  route: Route;
  /** The server ended the session (`auth.signOut`). */
  onSignedOut: () => void;
}

/**
 * The signed-in app: the top bar (project switcher, the navigation the role allows,
 * sign-out) and the page the hash names, `#/p/<projectId>/<page>?…`.
 */
export function Shell({ me, route, onSignedOut }: ShellProps) {
  const trpc = useTRPC();
  const signOut = useMutation(trpc.auth.signOut.mutationOptions({ onSuccess: onSignedOut }));
  const resolved = resolveRoute(route, me.projects, readLastProject());
  const redirect = resolved.kind === 'redirect' ? resolved.hash : undefined;
  const project = resolved.kind === 'project' ? resolved.project : undefined;

  useEffect(() => {
    if (redirect !== undefined) replaceHash(redirect);
  }, [redirect]);
  useEffect(() => {
    if (project) writeLastProject(project.projectId);
  }, [project?.projectId]);

  const pages = project ? getPagesFor(project.role) : [];
  const path = resolved.kind === 'project' ? resolved.path : '';
  const page = project ? findPage(path === '' ? pages : PAGES, path) : undefined;
  // Issue 12: a dashboard's print view has no navigation around it.
  const printId = parseDashboardPrintPath(path);
  if (project && printId !== undefined && can(project.role, 'readJourneys')) {
    return <DashboardPrintPage key={printId} project={project} params={{ id: printId }} />;
  }
  const insightView = page && findInsightView(page.path, route.params);

  const shell = (
    <>
      {/* A plain `#main` link would replace the route in the hash: move focus instead. */}
      <a class="skip-link" href="#main" onClick={skipToMain}>
        Skip to content
      </a>
      <header class="topbar">
        <span class="brand">Parcours</span>
        {project && (
          <span class="project-context">
            <ProjectSwitcher projects={me.projects} current={project} currentPath={page?.path ?? ''} />
            <span class="role">{ROLE_LABELS[project.role]}</span>
          </span>
        )}
        {project && <Nav label="Main" links={getNavLinks(project.projectId, pages, page)} />}
        {project && <LiveIndicator />}
        <span class="account">
          <span class="account-name" title={me.user.email}>
            {me.user.name}
          </span>
          <button
            type="button"
            class="button-secondary"
            disabled={signOut.isPending}
            onClick={() => signOut.mutate()}
          >
            Sign out
          </button>
        </span>
      </header>
      <main id="main" tabIndex={-1}>
        {signOut.isError && <ErrorNotice error={signOut.error} />}
        {resolved.kind === 'noProject' && (
          <>
            <h1>No project yet</h1>
            <p class="notice" role="status">
              You are not a member of any project. Ask an owner of a project to invite you
              {me.user.isAdmin && (
                <>
                  , or create one with <code>parcours project create</code>
                </>
              )}
              .
            </p>
          </>
        )}
        {resolved.kind === 'unknownProject' && (
          <>
            <h1>Project not found</h1>
            <p class="notice" role="status">
              There is no project {resolved.projectId} among yours: it was deleted, or you are not a member.{' '}
              {me.projects[0] && (
                <a href={createProjectHash(me.projects[0].projectId, '')}>Open {me.projects[0].name}</a>
              )}
            </p>
          </>
        )}
        {project && page && !can(project.role, page.permission) && (
          <>
            <h1>{page.title}</h1>
            <p class="notice" role="status">
              As {ROLE_LABELS[project.role].toLowerCase()} of {project.name} you cannot open this page.{' '}
              {pages[0] && <a href={createProjectHash(project.projectId, '')}>Go to {pages[0].title}</a>}
            </p>
          </>
        )}
        {project && page && can(project.role, page.permission) && (
          <>
            {page.section !== undefined && (
              <Nav
                label={SECTION_TITLES[page.section]}
                class="tabs"
                links={pages
                  .filter((p) => p.section === page.section)
                  .map((p) => ({
                    href: createProjectHash(project.projectId, p.path),
                    title: p.title,
                    isCurrent: p === page,
                  }))}
              />
            )}
            {insightView !== undefined && can(project.role, 'editInsights') && (
              <SaveInsightButton
                key={createProjectHash(project.projectId, page.path, route.params)}
                projectId={project.projectId}
                view={insightView}
                params={route.params}
              />
            )}
            <page.Component key={project.projectId} project={project} params={route.params} />
          </>
        )}
        {project && !page && (
          <>
            <h1>No such page</h1>
            <p class="notice" role="status">
              There is no page here.{' '}
              {pages[0] && <a href={createProjectHash(project.projectId, '')}>Go to {pages[0].title}</a>}
            </p>
          </>
        )}
      </main>
    </>
  );
  // One live subscription per open project: its pages refresh as touchpoints land.
  return project ? (
    <LiveUpdates key={project.projectId} projectId={project.projectId}>
      {shell}
    </LiveUpdates>
  ) : (
    shell
  );
}
