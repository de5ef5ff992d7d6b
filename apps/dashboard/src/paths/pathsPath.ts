/** The page path of paths (apart from the page, whose code is a chunk of its own). */
export const PATHS_PATH = 'paths';
