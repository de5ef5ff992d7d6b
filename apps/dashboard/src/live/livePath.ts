/** The page path of the Live page (apart from the page, whose code loads when it first opens). */
export const LIVE_PATH = 'live';
