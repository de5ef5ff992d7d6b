/**
 * The Journey map chunk: the map's figures and its editor, fetched when "Journey map"
 * (or a shared journey map) first opens.
 */
export { StagesPage } from './StagesPage.js';
export { StagesFigures } from './StagesFigures.js';
