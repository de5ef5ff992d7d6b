// The Settings section's page paths, apart from the pages themselves: `pages.ts` needs the
// paths at start, the pages' code loads only when a settings page is opened (`settingsPages.ts`).

/** Settings → Project: name, write key and snippets, signed identities, deletion. */
export const PROJECT_SETTINGS_PATH = 'settings/project';
/** Settings → Members: roles, removal, invitations. */
export const MEMBERS_PATH = 'settings/members';
/** Settings → API keys: secret keys by scope. */
export const KEYS_PATH = 'settings/keys';
/** Settings → Share links: status and revocation. */
export const SHARES_PATH = 'settings/shares';
