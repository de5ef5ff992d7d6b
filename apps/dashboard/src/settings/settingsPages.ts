/** The Settings chunk (owners only): its pages, fetched when a settings page first opens. */
export { KeysPage } from './KeysPage.js';
export { MembersPage } from './MembersPage.js';
export { ProjectSettingsPage } from './ProjectSettingsPage.js';
export { SharesPage } from './SharesPage.js';
