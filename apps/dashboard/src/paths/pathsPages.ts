/** The Paths chunk: the paths page, its form, the flows side by side and the persons list, fetched when it first opens. */
export { PathsPage } from './PathsPage.js';
