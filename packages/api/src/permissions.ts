import type { KeyScope, Role } from '@parcours/store';

/**
 * How a procedure may be reached:
 * - `public`: anyone (sign-in, an invitation or a share link, whose token is checked inside);
 * - `writeKey`: the public write key in the input (`collect`, `consent`, `consent.config`);
 *   answers any origin.
 *   `scopes`, when given, are the secret-key scopes that may come along with it
 *   (`Authorization: Bearer`) to mark a trusted server-side source: on `collect`, an
 *   `ingest` key lets a batch without a consent list store every category;
 * - `user`: any signed-in user, whatever their projects;
 * - `project`: a member of the input's project with one of `roles`, or a secret key of
 *   that project with one of `scopes`.
 */
export type Permission =
  | { access: 'public' }
  | { access: 'writeKey'; scopes?: readonly KeyScope[] }
  | { access: 'user' }
  | { access: 'project'; roles: readonly Role[]; scopes: readonly KeyScope[] };

const EVERY_ROLE: readonly Role[] = ['owner', 'analyst', 'privacy', 'viewer'];
/** Aggregate journey views: product people, not the privacy officer (issue 7's role list). */
const JOURNEY_READERS: readonly Role[] = ['owner', 'analyst', 'viewer'];
const PRIVACY_ROLES: readonly Role[] = ['owner', 'privacy'];
const OWNER: readonly Role[] = ['owner'];

const readJourneys = { access: 'project', roles: JOURNEY_READERS, scopes: ['read', 'admin'] } as const;
const privacyProcedure = { access: 'project', roles: PRIVACY_ROLES, scopes: ['privacy', 'admin'] } as const;
const ownerOnly = { access: 'project', roles: OWNER, scopes: ['admin'] } as const;
/** Who edits what the team reads: the journey map, saved insights, dashboards, annotations. */
const journeyEditors = { access: 'project', roles: ['owner', 'analyst'], scopes: ['admin'] } as const;

/**
 * Who may call what: the one table, by procedure path. Enforced by the middleware of
 * every procedure builder in `trpc.ts`; a procedure missing here cannot be called,
 * and `permissions.test.ts` calls every procedure as every kind of caller against it.
 */
export const PERMISSIONS: Readonly<Record<string, Permission>> = {
  collect: { access: 'writeKey', scopes: ['ingest'] },
  consent: { access: 'writeKey' },
  // Issue 8: the banner's published config, public and cacheable (GET).
  'consent.config': { access: 'writeKey' },

  'auth.signIn': { access: 'public' },
  'auth.invitation': { access: 'public' },
  'auth.acceptInvitation': { access: 'public' },
  'auth.me': { access: 'user' },
  'auth.signOut': { access: 'user' },
  'auth.changePassword': { access: 'user' },

  'journeys.person': { access: 'project', roles: EVERY_ROLE, scopes: ['read', 'admin'] },
  // Lists and profiles are analysis: the privacy role keeps to timelines (for requests).
  'journeys.persons': readJourneys,
  'journeys.personProfile': readJourneys,
  // Changes who is who in every answer: those who edit what the team reads.
  'journeys.unlinkIdentity': journeyEditors,
  'journeys.funnel': readJourneys,
  'journeys.funnelDropoffs': readJourneys,
  // Aggregates, like the funnel (property values are never shared: no share view has them).
  'journeys.funnelDrivers': readJourneys,
  'journeys.paths': readJourneys,
  'journeys.pathPersons': readJourneys,
  'journeys.journeyMap': readJourneys,
  'journeys.stages': readJourneys,
  'journeys.overview': readJourneys,
  'journeys.retention': readJourneys,
  'journeys.friction': readJourneys,
  'journeys.setJourneyMap': { access: 'project', roles: ['owner', 'analyst'], scopes: ['admin'] },
  'journeys.maps': readJourneys,
  'journeys.map': readJourneys,
  'journeys.createMap': journeyEditors,
  'journeys.saveMap': journeyEditors,
  'journeys.deleteMap': journeyEditors,

  // Issue 12: live data. `changes` carries no data (a tick), so whoever reads any journey
  // view or timeline may hear it; the touchpoint list is what journey readers see.
  'live.changes': { access: 'project', roles: EVERY_ROLE, scopes: ['read', 'admin'] },
  'live.touchpoints': readJourneys,

  'privacy.consentRecords': privacyProcedure,
  'privacy.consentConfig': privacyProcedure,
  'privacy.publishConsentConfig': privacyProcedure,
  'privacy.verifyLedger': privacyProcedure,
  'privacy.consentLog': privacyProcedure,
  'privacy.consentLogCsv': privacyProcedure,
  'privacy.consentStats': privacyProcedure,
  'privacy.consentConfigVersions': privacyProcedure,
  'privacy.consentConfigVersion': privacyProcedure,
  // Issue 9: access and erasure.
  'privacy.exportPerson': privacyProcedure,
  'privacy.erasePerson': privacyProcedure,
  // Issue 9: what the collector keeps (query allow-list, PII redaction).
  'privacy.collectionSettings': privacyProcedure,
  'privacy.setCollectionSettings': privacyProcedure,
  // Issue 9: retention.
  'privacy.retention': privacyProcedure,
  'privacy.setRetention': privacyProcedure,
  'privacy.purgeNow': privacyProcedure,
  // Issue 9: data-subject requests.
  'privacy.requests.list': privacyProcedure,
  'privacy.requests.get': privacyProcedure,
  'privacy.requests.assignees': privacyProcedure,
  'privacy.requests.create': privacyProcedure,
  'privacy.requests.update': privacyProcedure,
  'privacy.requests.extend': privacyProcedure,
  'privacy.requests.exportData': privacyProcedure,
  'privacy.requests.complete': privacyProcedure,
  'privacy.requests.refuse': privacyProcedure,
  // Issue 9: the Art. 30 register.
  'privacy.register': privacyProcedure,
  'privacy.registerHtml': privacyProcedure,
  'privacy.setRegisterContacts': privacyProcedure,

  'admin.project': { access: 'project', roles: EVERY_ROLE, scopes: ['read', 'privacy', 'admin'] },
  'admin.renameProject': ownerOnly,
  // Issue 12 (time): the zone every day and week of the project follows.
  'admin.setTimeZone': ownerOnly,
  'admin.deleteProject': ownerOnly,

  // Issue 13: the identity secret signs user ids, so only owners see or change it.
  'identity.settings': ownerOnly,
  'identity.update': ownerOnly,

  'members.list': ownerOnly,
  'members.invite': ownerOnly,
  'members.setRole': ownerOnly,
  'members.remove': ownerOnly,
  'members.revokeInvitation': ownerOnly,

  'keys.list': ownerOnly,
  'keys.create': ownerOnly,
  'keys.revoke': ownerOnly,

  'audit.list': privacyProcedure,
  'audit.exportCsv': privacyProcedure,

  // Issue 11, item 2: segments are read like journeys, edited like the map.
  'segments.list': readJourneys,
  'segments.get': readJourneys,
  'segments.create': { access: 'project', roles: ['owner', 'analyst'], scopes: ['admin'] },
  'segments.update': { access: 'project', roles: ['owner', 'analyst'], scopes: ['admin'] },
  'segments.delete': { access: 'project', roles: ['owner', 'analyst'], scopes: ['admin'] },

  'shares.create': { access: 'project', roles: ['owner', 'analyst'], scopes: ['admin'] },
  'shares.list': ownerOnly,
  'shares.revoke': ownerOnly,
  'share.get': { access: 'public' },

  // Issue 12: saved insights, dashboards and annotations. Journey readers read them (the
  // home page is the default dashboard); analysts and owners edit, as they share views.
  'insights.list': readJourneys,
  'insights.create': journeyEditors,
  'insights.update': journeyEditors,
  'insights.delete': journeyEditors,
  'dashboards.list': readJourneys,
  'dashboards.home': readJourneys,
  'dashboards.get': readJourneys,
  'dashboards.create': journeyEditors,
  'dashboards.update': journeyEditors,
  'dashboards.delete': journeyEditors,
  'annotations.list': readJourneys,
  'annotations.compare': readJourneys,
  'annotations.create': journeyEditors,
  'annotations.delete': journeyEditors,
  // Issue 12: CSV of the journey tables, read like the tables (person lists audited).
  'exports.funnelStepsCsv': readJourneys,
  'exports.funnelBreakdownCsv': readJourneys,
  'exports.pathsCsv': readJourneys,
  'exports.dropoffsCsv': readJourneys,
  'exports.personsCsv': readJourneys,

  // Issue 12: branded reports; the brand is the project's, set by owners.
  'reports.brand': readJourneys,
  'reports.setBrand': ownerOnly,
  'reports.pdf': readJourneys,
  'reports.dashboardPdf': readJourneys,
  // Dashboards' reports by email: those who edit dashboards schedule them.
  'reports.schedules': readJourneys,
  'reports.schedule': journeyEditors,
  'reports.unschedule': journeyEditors,

  // Issue 12: person lists leave for a campaign or CRM tool; those who edit views send them.
  'webhooks.list': { access: 'project', roles: ['owner', 'analyst'], scopes: ['admin'] },
  'webhooks.create': { access: 'project', roles: ['owner', 'analyst'], scopes: ['admin'] },
  'webhooks.remove': { access: 'project', roles: ['owner', 'analyst'], scopes: ['admin'] },
  'webhooks.send': { access: 'project', roles: ['owner', 'analyst'], scopes: ['admin'] },
  'webhooks.deliveries': { access: 'project', roles: ['owner', 'analyst'], scopes: ['admin'] },
};
