import { getStartOfDay } from '../format/getStartOfDay.js';

/**
 * The consent log's filters as its URL carries them:
 * `?search=anon-42&from=2026-01-01&to=2026-01-31&action=withdraw&version=3`.
 */
export interface ConsentLogFilter {
  /** An anonymous id or a user id, matched exactly. */
  search?: string;
  /** The first day shown, `YYYY-MM-DD` in the viewer's time zone. */
  from?: string;
  /** The last day shown, included. */
  to?: string;
  /** One of {@link CONSENT_ACTIONS}. */
  action?: ConsentAction;
  /** A policy version, as records carry it (`"3"`). */
  version?: string;
}

/** Every action the ledger records, with the words the log uses for it. */
export const CONSENT_ACTIONS = {
  accept_all: 'Accept all',
  refuse_all: 'Refuse all',
  custom: 'Custom choice',
  withdraw: 'Withdrawal',
  reconsent: 'Re-consent',
  gpc_default: 'GPC default',
} as const;
export type ConsentAction = keyof typeof CONSENT_ACTIONS;

/** The words for an action, or the action itself if the log does not know it. */
export function describeConsentAction(action: string): string {
  return Object.hasOwn(CONSENT_ACTIONS, action) ? CONSENT_ACTIONS[action as ConsentAction] : action;
}

// The ledger caps a policy version at 64 characters; longer is not a version.
const VERSION_PATTERN = /^[\w.-]{1,64}$/;

/** The filters in a page's URL parameters; blank or malformed values are no filter. */
export function parseConsentLogFilter(params: Record<string, string>): ConsentLogFilter {
  const filter: ConsentLogFilter = {};
  const search = params['search']?.trim();
  const version = params['version']?.trim();
  const action = params['action'];
  if (search) filter.search = search;
  if (getStartOfDay(params['from']) !== undefined) filter.from = params['from']!;
  if (getStartOfDay(params['to']) !== undefined) filter.to = params['to']!;
  if (action !== undefined && Object.hasOwn(CONSENT_ACTIONS, action)) filter.action = action as ConsentAction;
  if (version && VERSION_PATTERN.test(version)) filter.version = version;
  return filter;
}

/** The URL parameters of the filters: the inverse of {@link parseConsentLogFilter}. */
export function createConsentLogParams(filter: ConsentLogFilter): Record<string, string> {
  const params: Record<string, string> = {};
  for (const key of ['search', 'from', 'to', 'action', 'version'] as const) {
    const value = filter[key]?.trim();
    if (value) params[key] = value;
  }
  return params;
}

/** What `privacy.consentLog` and `privacy.consentLogCsv` take besides the project. */
export interface ConsentLogQuery {
  search?: string;
  from?: number;
  to?: number;
  action?: ConsentAction;
  /** A published version number: the ledger's filter takes numbers only. */
  policyVersion?: number;
}

/**
 * The filters as the API takes them: whole days in the viewer's time zone, `to` up to
 * the last millisecond of its day; only the filters that are set.
 */
export function toConsentLogQuery(filter: ConsentLogFilter): ConsentLogQuery {
  const from = getStartOfDay(filter.from);
  const endOfTo = getStartOfDay(filter.to, 1);
  return {
    ...(filter.search ? { search: filter.search } : {}),
    ...(from === undefined ? {} : { from }),
    ...(endOfTo === undefined ? {} : { to: endOfTo - 1 }),
    ...(filter.action ? { action: filter.action } : {}),
    ...(filter.version && /^[1-9]\d{0,14}$/.test(filter.version)
      ? { policyVersion: Number(filter.version) }
      : {}),
  };
}
