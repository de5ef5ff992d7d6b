/**
 * The Overview page's path in a project's URL. Apart from the page: `pages.ts` needs it
 * at start, the page's code loads only when it first opens (`overviewPages.ts`).
 */
export const OVERVIEW_PATH = 'overview';
