import type { InsightView } from '../api/types.js';
import { FRICTION_PATH } from '../friction/frictionPath.js';
import { FUNNEL_PATH } from '../funnel/funnelPath.js';
import { OVERVIEW_PATH } from '../overview/overviewPath.js';
import { PATHS_PATH } from '../paths/pathsPath.js';
import { getPersonLookup, PERSON_PATH } from '../person/getPersonLookup.js';
import { COHORTS_PATH } from '../retention/retentionPath.js';
import { STAGES_PATH } from '../stages/stagesPath.js';

/** The page path of each view an insight can be saved from, and its name. */
export const INSIGHT_VIEWS: Record<InsightView, { path: string; title: string }> = {
  overview: { path: OVERVIEW_PATH, title: 'Overview' },
  funnel: { path: FUNNEL_PATH, title: 'Funnel' },
  paths: { path: PATHS_PATH, title: 'Paths' },
  journeyMap: { path: STAGES_PATH, title: 'Journey map' },
  persons: { path: PERSON_PATH, title: 'Persons' },
  retention: { path: COHORTS_PATH, title: 'Retention' },
  friction: { path: FRICTION_PATH, title: 'Friction' },
};

/**
 * The view a page shows, if it can be saved as an insight: the persons list can, one
 * person's page (`?personId=…`) cannot.
 */
export function findInsightView(path: string, params: Record<string, string>): InsightView | undefined {
  const found = (Object.keys(INSIGHT_VIEWS) as InsightView[]).find(
    (view) => INSIGHT_VIEWS[view].path === path,
  );
  if (found === 'persons' && getPersonLookup(params) !== undefined) return undefined;
  return found;
}
