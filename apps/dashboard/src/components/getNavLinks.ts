import { createProjectHash } from '../routing/resolveRoute.js';
import type { NavLink } from './Nav.js';

/** A group of pages behind one link of the main navigation, with tabs of their own. */
export type PageSection = 'privacy' | 'settings';

/** Each section's link in the main navigation, and its tabs' accessible name. */
export const SECTION_TITLES: Record<PageSection, string> = { privacy: 'Privacy', settings: 'Settings' };

/** What the main navigation needs of a page. */
interface NavPage {
  path: string;
  title: string;
  section?: PageSection;
}

/**
 * The main navigation's links in a project: one per page the role may use (`pages`,
 * already filtered), the pages of a section (privacy, settings) as one link to the
 * first of them, current while any page of the section is open.
 */
export function getNavLinks(
  projectId: string,
  pages: readonly NavPage[],
  current: NavPage | undefined,
): NavLink[] {
  const links: NavLink[] = [];
  const sectionsLinked = new Set<PageSection>();
  for (const page of pages) {
    const { section } = page;
    if (section !== undefined && sectionsLinked.has(section)) continue;
    if (section !== undefined) sectionsLinked.add(section);
    links.push({
      href: createProjectHash(projectId, page.path),
      title: section === undefined ? page.title : SECTION_TITLES[section],
      isCurrent: section === undefined ? page === current : current?.section === section,
    });
  }
  return links;
}
