/** The Retention chunk: cohorts and their curve, fetched when "Retention" first opens. */
export { CohortRetentionPage } from './CohortRetentionPage.js';
