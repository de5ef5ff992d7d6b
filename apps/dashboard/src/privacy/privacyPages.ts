// The Privacy section's pages: one chunk, loaded the first time a privacy page opens, so
// analysts, who never open them, do not download them (`pages.ts`, `lazyPage`).
export { ConsentAnalyticsPage } from './ConsentAnalyticsPage.js';
export { ConsentLogPage } from './ConsentLogPage.js';
export { ConsentSettingsPage } from './ConsentSettingsPage.js';
export { DataCollectionPage } from './DataCollectionPage.js';
export { RegisterPage } from './RegisterPage.js';
export { RequestsPage } from './RequestsPage.js';
export { RetentionPage } from './RetentionPage.js';
