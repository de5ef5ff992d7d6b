/**
 * The page path of segments. Apart from the page: `pages.ts` needs the path at start,
 * the page's code loads only when it first opens (`segmentPages.ts`).
 */
export const SEGMENTS_PATH = 'segments';
