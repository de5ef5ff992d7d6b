import type { ComponentType } from 'preact';
import type { Project } from './api/types.js';
import { FunnelPage, FUNNEL_PATH } from './funnel/FunnelPage.js';
import { OverviewPage, OVERVIEW_PATH } from './overview/OverviewPage.js';
import { PathsPage, PATHS_PATH } from './paths/PathsPage.js';
import { StagesPage, STAGES_PATH } from './stages/StagesPage.js';
import { PersonPage } from './person/PersonPage.js';
import { PERSON_PATH } from './person/getPersonLookup.js';

/** What every page gets: the signed-in project and its own URL parameters. */
export interface PageProps {
  project: Project;
  params: Record<string, string>;
}

/** One entry of the navigation, shown at `#/<path>`. */
export interface Page {
  path: string;
  /** The navigation label. */
  title: string;
  Component: ComponentType<PageProps>;
}

/**
 * Every page, in navigation order; the first is the home page, shown after sign-in.
 * A new page (privacy centre…) is one component and one line here.
 */
export const PAGES: readonly Page[] = [
  { path: OVERVIEW_PATH, title: 'Overview', Component: OverviewPage },
  { path: FUNNEL_PATH, title: 'Funnel', Component: FunnelPage },
  { path: PATHS_PATH, title: 'Paths', Component: PathsPage },
  { path: STAGES_PATH, title: 'Journey map', Component: StagesPage },
  { path: PERSON_PATH, title: 'Persons', Component: PersonPage },
];
