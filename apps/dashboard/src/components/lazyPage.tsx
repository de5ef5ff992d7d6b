import type { ComponentType } from 'preact';
import { lazy, Suspense } from 'preact/compat';
import type { PageProps } from '../pages.js';

/** What a page shows while its code loads, or when it could not be loaded. */
function LoadingNotice() {
  return (
    <p class="notice" role="status">
      Loading the page…
    </p>
  );
}

function LoadFailedNotice() {
  return (
    <p class="notice error" role="alert">
      This page could not be loaded (the network, or a newer version of Parcours was installed).{' '}
      <a href={location.href} onClick={() => location.reload()}>
        Reload
      </a>
    </p>
  );
}

/**
 * A page whose code is a separate chunk, fetched when the page first opens: `load` is a
 * dynamic `import()` and `pick` takes the page from the module. A chunk that cannot be
 * fetched shows a notice with a reload link instead of a blank page.
 */
export function lazyPage<Module>(
  load: () => Promise<Module>,
  pick: (module: Module) => ComponentType<PageProps>,
): ComponentType<PageProps> {
  const Lazy = lazy(() =>
    load().then(
      (module) => ({ default: pick(module) }),
      () => ({ default: LoadFailedNotice as ComponentType<PageProps> }),
    ),
  );
  return function LazyPage(props: PageProps) {
    return (
      <Suspense fallback={<LoadingNotice />}>
        <Lazy {...props} />
      </Suspense>
    );
  };
}
