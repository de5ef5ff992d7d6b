/** The Segments chunk: the list and the builder, fetched when "Segments" first opens. */
export { SegmentsPage } from './SegmentsPage.js';
