import { useQuery } from '@tanstack/react-query';
import { useTRPC } from './api/trpc.js';
import { ErrorNotice } from './components/ErrorNotice.js';
import { Nav } from './components/Nav.js';
import { PAGES } from './pages.js';
import { findPage } from './routing/findPage.js';
import { createHash } from './routing/parseHash.js';
import { useHashRoute } from './routing/useHashRoute.js';

function skipToMain(event: MouseEvent) {
  event.preventDefault();
  document.getElementById('main')?.focus();
}

/**
 * The signed-in app: checks the key with `admin.project` (an `UNAUTHORIZED` answer
 * signs out, see `createQueryClient`), then shows the header, the navigation and the
 * page the hash names.
 */
export function Shell({ onSignOut }: { onSignOut: () => void }) {
  const trpc = useTRPC();
  const project = useQuery({ ...trpc.admin.project.queryOptions(), staleTime: Infinity });
  const route = useHashRoute();
  const page = findPage(PAGES, route.path);

  return (
    <>
      {/* A plain `#main` link would replace the route in the hash: move focus instead. */}
      <a class="skip-link" href="#main" onClick={skipToMain}>
        Skip to content
      </a>
      <header class="topbar">
        <span class="brand">Parcours</span>
        {project.data && (
          <span class="project" title={`Project id ${project.data.projectId}`}>
            {project.data.name}
          </span>
        )}
        <Nav pages={PAGES} currentPath={page?.path} />
        <button type="button" class="button-secondary sign-out" onClick={onSignOut}>
          Sign out
        </button>
      </header>
      <main id="main" tabIndex={-1}>
        {project.isPending && (
          <p class="notice" role="status">
            Checking your key…
          </p>
        )}
        {project.isError && <ErrorNotice error={project.error} onRetry={() => void project.refetch()} />}
        {project.data &&
          (page ? (
            <page.Component project={project.data} params={route.params} />
          ) : (
            <p class="notice" role="status">
              There is no page here. <a href={createHash(PAGES[0]?.path ?? '')}>Go to {PAGES[0]?.title}</a>.
            </p>
          ))}
      </main>
    </>
  );
}
