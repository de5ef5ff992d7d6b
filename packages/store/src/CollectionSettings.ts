/**
 * What the collector keeps of what it receives (issue 9, "collect the minimum"): a
 * project's data-collection settings, applied to every batch before it is stored.
 */
export interface CollectionSettings {
  /**
   * Query parameters stored URLs keep (`context.url`, `referrer`, `path`, any value
   * starting with `http://` or `https://`): exact names, or a prefix ending in `*`
   * (`*` at the end only), compared in lower case. Every other parameter, and the
   * fragment, is dropped. Default `['utm_*']`.
   */
  queryAllowList: string[];
  /**
   * Whether values that look like email addresses, phone numbers, card numbers
   * (Luhn-checked), IBANs (mod-97-checked) or IP addresses are replaced by a
   * placeholder (`[email]`…) before storage. Default true.
   */
  redactPii: boolean;
  /**
   * Property names redaction leaves alone: a key of `properties` as is (`plan`), a
   * key of `context` prefixed (`context.title`). Default none.
   */
  piiExemptProperties: string[];
}

/** The settings of a project nobody changed. */
export const DEFAULT_COLLECTION_SETTINGS: Readonly<CollectionSettings> = Object.freeze({
  queryAllowList: ['utm_*'],
  redactPii: true,
  piiExemptProperties: [],
});
