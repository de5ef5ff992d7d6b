/** The page path of funnels (apart from the page, whose code is a chunk of its own). */
export const FUNNEL_PATH = 'funnel';
