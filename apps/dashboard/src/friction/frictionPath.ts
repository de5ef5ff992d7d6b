/**
 * The page path of friction. Apart from the page: `pages.ts` needs the path at start,
 * the page's code loads only when it first opens (`frictionPages.ts`).
 */
export const FRICTION_PATH = 'friction';
