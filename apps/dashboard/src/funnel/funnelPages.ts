/** The Funnel chunk: the funnel page, its form, figures, drivers and drop-off lists, fetched when it first opens. */
export { FunnelPage } from './FunnelPage.js';
