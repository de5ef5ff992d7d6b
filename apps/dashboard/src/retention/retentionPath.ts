/**
 * The page path of cohort retention (`retention` is the privacy section's data-retention
 * page). Apart from the page: `pages.ts` needs the path at start, the page's code loads
 * only when it first opens (`retentionPages.ts`).
 */
export const COHORTS_PATH = 'cohorts';
