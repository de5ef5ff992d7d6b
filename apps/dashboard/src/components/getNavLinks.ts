import { createProjectHash } from '../routing/resolveRoute.js';
import type { NavLink } from './Nav.js';

/** What the main navigation needs of a page. */
interface NavPage {
  path: string;
  title: string;
  section?: 'settings';
}

/**
 * The main navigation's links in a project: one per page the role may use (`pages`,
 * already filtered), the settings pages as one "Settings" link to the first of them,
 * current while any settings page is open.
 */
export function getNavLinks(
  projectId: string,
  pages: readonly NavPage[],
  current: NavPage | undefined,
): NavLink[] {
  const links: NavLink[] = [];
  for (const page of pages) {
    const isSettings = page.section === 'settings';
    if (isSettings && links.some((link) => link.title === 'Settings')) continue;
    links.push({
      href: createProjectHash(projectId, page.path),
      title: isSettings ? 'Settings' : page.title,
      isCurrent: isSettings ? current?.section === 'settings' : page === current,
    });
  }
  return links;
}
