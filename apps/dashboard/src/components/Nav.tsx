import { createHash } from '../routing/parseHash.js';

/** The main navigation: one link per page, the current one marked for assistive tech. */
export function Nav({
  pages,
  currentPath,
}: {
  pages: readonly { path: string; title: string }[];
  currentPath: string | undefined;
}) {
  return (
    <nav aria-label="Main">
      <ul class="nav">
        {pages.map((page) => (
          <li key={page.path}>
            <a href={createHash(page.path)} aria-current={page.path === currentPath ? 'page' : undefined}>
              {page.title}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
