import type { ConsentRecord, Properties, PropertyValue } from '@parcours/schema';
import type { CollectionSettings, StoredEvent } from '@parcours/store';
import { compileQueryAllowList, keepAllowedQuery, type QueryAllowList } from './keepAllowedQuery.js';
import { redactPii, redactPiiNumber } from './redactPii.js';

/** Context keys that hold a URL or a path whatever they look like (the SDK's `url`, `referrer`, `path`). */
const URL_KEYS: ReadonlySet<string> = new Set(['url', 'referrer', 'path']);
const ABSOLUTE_URL = /^https?:\/\//i;

interface Minimiser {
  allow: QueryAllowList;
  redact: boolean;
  exempt: ReadonlySet<string>;
}

// Scheme, user info (credentials: dropped), host and port of an absolute URL.
const URL_ORIGIN = /^([a-z][a-z0-9+.-]*:\/\/)(?:[^/?#@]*@)?([^/?#]*)/i;

/**
 * A URL redacted after its host: the host is the site's address (an IP there is a
 * server's, not a visitor's), and the user info before it is a credential, dropped.
 */
function redactUrl(url: string, redact: boolean): string {
  const origin = URL_ORIGIN.exec(url);
  if (origin === null) return redact ? redactPii(url) : url;
  const rest = url.slice(origin[0].length);
  return origin[1]! + origin[2]! + (redact ? redactPii(rest) : rest);
}

function minimiseValue(value: PropertyValue, isUrl: boolean, redact: boolean, m: Minimiser): PropertyValue {
  if (typeof value === 'number') return redact ? redactPiiNumber(value) : value;
  if (typeof value !== 'string') return value;
  if (isUrl || ABSOLUTE_URL.test(value)) return redactUrl(keepAllowedQuery(value, m.allow), redact);
  return redact ? redactPii(value) : value;
}

function minimiseProperties(properties: Properties, prefix: '' | 'context.', m: Minimiser): Properties {
  const out: Properties = {};
  for (const key of Object.keys(properties)) {
    const redact = m.redact && !m.exempt.has(prefix + key);
    const value = minimiseValue(properties[key]!, prefix !== '' && URL_KEYS.has(key), redact, m);
    // A key can carry personal data too (`{"ann@example.com": 1}`).
    out[redact ? redactPii(key) : key] = value;
  }
  return out;
}

function createMinimiser(settings: CollectionSettings): Minimiser {
  return {
    allow: compileQueryAllowList(settings.queryAllowList),
    redact: settings.redactPii,
    exempt: new Set(settings.piiExemptProperties),
  };
}

/**
 * The events as the project's collection settings let them be stored: URLs keep
 * only allow-listed query parameters and no fragment; values (and keys) of
 * `properties` and `context` that look like personal data are redacted unless the
 * project or the property is exempt; so is the touchpoint's name (a page's name is
 * its path). Identifiers (`anonymousId`, `userId`) are kept: they are what links a
 * person's touchpoints, and what erasure finds. The one function both collector
 * parsers (the fast path and zod) and `parcours import` feed; input is not mutated.
 */
export function minimiseEvents<E extends StoredEvent>(
  events: readonly E[],
  settings: CollectionSettings,
): E[] {
  const m = createMinimiser(settings);
  return events.map((event) => {
    let name = event.type === 'page' ? keepAllowedQuery(event.name, m.allow) : event.name;
    if (m.redact) name = redactPii(name);
    const out: E = { ...event, name };
    if (event.properties !== undefined) out.properties = minimiseProperties(event.properties, '', m);
    if (event.context !== undefined) out.context = minimiseProperties(event.context, 'context.', m);
    return out;
  });
}

/**
 * Consent records as they may be stored: the page path redacted like an event's
 * (the store already drops its query and fragment). The rest is the proof itself
 * (categories, versions, the device id that granted) and is kept.
 */
export function minimiseConsentRecords<R extends ConsentRecord>(
  records: readonly R[],
  settings: CollectionSettings,
): R[] {
  if (!settings.redactPii) return [...records];
  const allow = compileQueryAllowList([]);
  return records.map((record) =>
    record.path === undefined ? record : { ...record, path: redactPii(keepAllowedQuery(record.path, allow)) },
  );
}
