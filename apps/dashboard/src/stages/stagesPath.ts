/** The Journey map page's path in a project's URL. */
export const STAGES_PATH = 'journey-map';
