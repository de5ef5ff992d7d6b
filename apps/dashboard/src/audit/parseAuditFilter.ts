import { getStartOfDay } from '../format/getStartOfDay.js';

/** The audit log's filters as its URL carries them: `?action=member.&actor=ann@x.org&from=2025-01-01&to=…`. */
export interface AuditFilter {
  /** Actions starting with this: a kind (`member.`) or one action (`auth.signInFailed`). */
  action?: string;
  /** An actor's email, key label or id. */
  actor?: string;
  /** The first day shown, `YYYY-MM-DD` in the viewer's time zone. */
  from?: string;
  /** The last day shown, included. */
  to?: string;
}

/** The kinds of action, by prefix, then the actions themselves, as the filter offers them. */
export const AUDIT_ACTION_KINDS = {
  'auth.': 'Sign-ins and passwords',
  'user.': 'Accounts',
  'member.': 'Members',
  'invitation.': 'Invitations',
  'key.': 'API keys',
  'share.': 'Share links',
  'journeyMap.': 'Journey map',
  'project.': 'Project',
  'privacy.': 'Privacy',
} as const;

/** Every action the API and the CLI write, to filter on one. */
export const AUDIT_ACTIONS = [
  'auth.signIn',
  'auth.signInFailed',
  'auth.signOut',
  'auth.passwordChanged',
  'user.created',
  'user.passwordReset',
  'member.invited',
  'member.joined',
  'member.added',
  'member.roleChanged',
  'member.removed',
  'invitation.revoked',
  'key.created',
  'key.revoked',
  'journeyMap.created',
  'journeyMap.updated',
  'journeyMap.deleted',
  'person.unlinked',
  'share.created',
  'share.revoked',
  'project.created',
  'project.renamed',
  'project.deleted',
  'privacy.consentRecordsRead',
] as const;

/** The filters in a page's URL parameters; blank or malformed values are no filter. */
export function parseAuditFilter(params: Record<string, string>): AuditFilter {
  const filter: AuditFilter = {};
  const action = params['action']?.trim();
  const actor = params['actor']?.trim();
  if (action) filter.action = action;
  if (actor) filter.actor = actor;
  if (getStartOfDay(params['from']) !== undefined) filter.from = params['from']!;
  if (getStartOfDay(params['to']) !== undefined) filter.to = params['to']!;
  return filter;
}

/** The URL parameters of the filters: the inverse of {@link parseAuditFilter}. */
export function createAuditParams(filter: AuditFilter): Record<string, string> {
  const params: Record<string, string> = {};
  for (const key of ['action', 'actor', 'from', 'to'] as const) {
    const value = filter[key];
    if (value) params[key] = value;
  }
  return params;
}

/**
 * The filters as `audit.list` and `audit.exportCsv` take them: whole days in the
 * viewer's time zone, `to` up to the last millisecond of its day.
 */
export function toAuditQuery(filter: AuditFilter): {
  action?: string;
  actor?: string;
  from?: number;
  to?: number;
} {
  const from = getStartOfDay(filter.from);
  const endOfTo = getStartOfDay(filter.to, 1);
  return {
    ...(filter.action ? { action: filter.action } : {}),
    ...(filter.actor ? { actor: filter.actor } : {}),
    ...(from === undefined ? {} : { from }),
    ...(endOfTo === undefined ? {} : { to: endOfTo - 1 }),
  };
}
