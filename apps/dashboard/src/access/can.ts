import type { Role } from '../api/types.js';

/**
 * What each role may do in a project: the API's permission table, as far as the
 * dashboard needs it to choose what to show. The server checks every call again;
 * this only keeps people away from buttons that would be refused.
 */
const PERMISSIONS = {
  /** Overview, funnel, paths and the journey map. */
  readJourneys: ['owner', 'analyst', 'viewer'],
  /** A person's timeline. */
  readPersons: ['owner', 'analyst', 'privacy', 'viewer'],
  /** Who dropped off at a funnel step. */
  listDropoffs: ['owner', 'analyst', 'viewer'],
  editJourneyMap: ['owner', 'analyst'],
  /** Un-merge a device joined to a user by mistake. */
  unlinkIdentities: ['owner', 'analyst'],
  /** Create, change and delete saved segments. */
  editSegments: ['owner', 'analyst'],
  /** Save insights, edit dashboards, annotate dates (issue 12). */
  editInsights: ['owner', 'analyst'],
  /** Create read-only share links. */
  share: ['owner', 'analyst'],
  /** Webhook destinations, and sending a person list to one. */
  sendWebhooks: ['owner', 'analyst'],
  /** The consent log and analytics, and the register (Art. 30). */
  readConsent: ['owner', 'privacy'],
  /** Publish consent settings. */
  manageConsent: ['owner', 'privacy'],
  readAudit: ['owner', 'privacy'],
  /** Data-subject requests, and a person's export from their page. */
  handleRequests: ['owner', 'privacy'],
  /** Rename or delete the project, members, keys, share links. */
  manageProject: ['owner'],
} as const satisfies Record<string, readonly Role[]>;

/** Something a role may or may not do, e.g. `editJourneyMap`. */
export type Permission = keyof typeof PERMISSIONS;

/** Whether `role` may do `permission`. */
export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

/** Every role, from most to least powerful, with the words the dashboard uses for it. */
export const ROLE_LABELS: Record<Role, string> = {
  owner: 'Owner',
  analyst: 'Analyst',
  privacy: 'Privacy officer',
  viewer: 'Viewer',
};
