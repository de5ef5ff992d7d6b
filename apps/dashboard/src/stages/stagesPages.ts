/** The Journey map chunk: the map, its figures and editor, fetched when "Journey map" first opens. */
export { StagesPage } from './StagesPage.js';
