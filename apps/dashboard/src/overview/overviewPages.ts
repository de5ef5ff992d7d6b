/** The Overview chunk: the overview's period controls, figures and first-run panel, fetched when "Overview" first opens. */
export { OverviewPage } from './OverviewPage.js';
