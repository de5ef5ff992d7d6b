// The Privacy section's page paths, apart from the pages themselves: `pages.ts` needs the
// paths at start, the pages' code loads only when a privacy page is opened (`privacyPages.ts`).

/** Privacy → Consent settings: the banner's settings, published in versions. */
export const CONSENT_SETTINGS_PATH = 'consent';
/** Privacy → Consent analytics: decision rates from the ledger. */
export const CONSENT_ANALYTICS_PATH = 'consent/analytics';
/** Privacy → Consent log: the ledger, searched and verified. */
export const CONSENT_LOG_PATH = 'consent/log';
/** Privacy → Data collection: the query allow-list and PII redaction. */
export const DATA_COLLECTION_PATH = 'collection';
/** Privacy → Register: the records of processing (Art. 30). */
export const REGISTER_PATH = 'register';
/** Privacy → Retention: how long data is kept, and a purge now. */
export const RETENTION_PATH = 'retention';
/** Privacy → Requests: data-subject requests. */
export const REQUESTS_PATH = 'requests';
