/** The Insights chunk: dashboards (the home page), saved insights, annotations and a dashboard's print view. */
export { AnnotationsPage } from '../annotations/AnnotationsPage.js';
export { DashboardPage } from './DashboardPage.js';
export { DashboardPrintPage } from './DashboardPrintPage.js';
export { InsightsPage } from './InsightsPage.js';
