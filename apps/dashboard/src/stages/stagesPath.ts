/**
 * The page path of the journey map. Apart from the page: `pages.ts` needs the path at
 * start, the page's code (the map editor, the period controls) loads only when it first
 * opens (`stagesPages.ts`).
 */
export const STAGES_PATH = 'journey-map';
