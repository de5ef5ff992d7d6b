import type { ComponentType } from 'preact';
import { can, type Permission } from './access/can.js';
import type { Project, Role } from './api/types.js';
import type { PageSection } from './components/getNavLinks.js';
import { lazyPage } from './components/lazyPage.js';
import { AuditLogPage, AUDIT_PATH } from './audit/AuditLogPage.js';
import { FUNNEL_PATH } from './funnel/funnelPath.js';
import { ANNOTATIONS_PATH, DASHBOARDS_PATH, INSIGHTS_PATH } from './insights/insightPaths.js';
import { LIVE_PATH } from './live/livePath.js';
import { OVERVIEW_PATH } from './overview/overviewPath.js';
import { PATHS_PATH } from './paths/pathsPath.js';
import { PERSON_PATH } from './person/getPersonLookup.js';
import { COHORTS_PATH } from './retention/retentionPath.js';
import { FRICTION_PATH } from './friction/frictionPath.js';
import { SEGMENTS_PATH } from './segments/segmentsPath.js';
import {
  CONSENT_ANALYTICS_PATH,
  CONSENT_LOG_PATH,
  CONSENT_SETTINGS_PATH,
  DATA_COLLECTION_PATH,
  REGISTER_PATH,
  REQUESTS_PATH,
  RETENTION_PATH,
} from './privacy/privacyPaths.js';
import { KEYS_PATH, MEMBERS_PATH, PROJECT_SETTINGS_PATH, SHARES_PATH } from './settings/settingsPaths.js';
import { STAGES_PATH } from './stages/stagesPath.js';
import { WEBHOOKS_PATH } from './webhooks/webhooksPath.js';

/** What every page gets: the project on screen (with the user's role in it) and its own URL parameters. */
export interface PageProps {
  project: Project;
  params: Record<string, string>;
}

/** One page of a project, shown at `#/p/<projectId>/<path>`. */
export interface Page {
  path: string;
  /** The navigation label. */
  title: string;
  /** Who sees the page: its link shows only for roles that may use it. */
  permission: Permission;
  /** Pages of a section share one link in the main navigation ("Privacy", "Settings"), and their own tabs. */
  section?: PageSection;
  Component: ComponentType<PageProps>;
}

/** The Privacy section's chunk (one download for all its pages). */
const loadPrivacyPages = () => import('./privacy/privacyPages.js');
/** The Overview chunk: its period controls, figures and first-run panel (the home page is the dashboard). */
const loadOverviewPages = () => import('./overview/overviewPages.js');
/** The Funnel chunk: the funnel page with its figures and drivers. */
const loadFunnelPages = () => import('./funnel/funnelPages.js');
/** The Persons chunk: the persons list and a person's page. */
const loadPersonPages = () => import('./person/personPages.js');
/** The Settings chunk (owners only). */
const loadSettingsPages = () => import('./settings/settingsPages.js');
/** The Retention chunk: weekly cohorts. */
const loadRetentionPages = () => import('./retention/retentionPages.js');
/** The Journey map chunk: the map's figures and its editor. */
const loadStagesPages = () => import('./stages/stagesPages.js');
/** The Friction chunk. */
const loadFrictionPages = () => import('./friction/frictionPages.js');
/** The Segments chunk: the saved segments and the builder. */
const loadSegmentPages = () => import('./segments/segmentPages.js');
/** The Paths chunk: the paths page with its flows and persons list. */
const loadPathsPages = () => import('./paths/pathsPages.js');
/** The Webhooks chunk (owners and analysts). */
const loadWebhookPages = () => import('./webhooks/webhooksPages.js');
/** The Live chunk. */
const loadLivePages = () => import('./live/livePages.js');
/** The Insights chunk: dashboards, saved insights, annotations (issue 12). */
const loadInsightPages = () => import('./insights/insightPages.js');

/**
 * Every page, in navigation order. A role's home page is the first it may use. A new
 * page is one component and one line here.
 */
export const PAGES: readonly Page[] = [
  // Issue 12: the project's default dashboard is the home page; the Overview stays next.
  {
    path: DASHBOARDS_PATH,
    title: 'Dashboards',
    permission: 'readJourneys',
    Component: lazyPage(loadInsightPages, (pages) => pages.DashboardPage),
  },
  {
    path: OVERVIEW_PATH,
    title: 'Overview',
    permission: 'readJourneys',
    Component: lazyPage(loadOverviewPages, (pages) => pages.OverviewPage),
  },
  {
    path: FUNNEL_PATH,
    title: 'Funnel',
    permission: 'readJourneys',
    Component: lazyPage(loadFunnelPages, (pages) => pages.FunnelPage),
  },
  {
    path: PATHS_PATH,
    title: 'Paths',
    permission: 'readJourneys',
    Component: lazyPage(loadPathsPages, (pages) => pages.PathsPage),
  },
  {
    path: STAGES_PATH,
    title: 'Journey map',
    permission: 'readJourneys',
    Component: lazyPage(loadStagesPages, (pages) => pages.StagesPage),
  },
  {
    path: COHORTS_PATH,
    title: 'Retention',
    permission: 'readJourneys',
    Component: lazyPage(loadRetentionPages, (pages) => pages.CohortRetentionPage),
  },
  {
    path: FRICTION_PATH,
    title: 'Friction',
    permission: 'readJourneys',
    Component: lazyPage(loadFrictionPages, (pages) => pages.FrictionPage),
  },
  {
    path: SEGMENTS_PATH,
    title: 'Segments',
    permission: 'readJourneys',
    Component: lazyPage(loadSegmentPages, (pages) => pages.SegmentsPage),
  },
  {
    path: PERSON_PATH,
    title: 'Persons',
    permission: 'readPersons',
    Component: lazyPage(loadPersonPages, (pages) => pages.PersonsPage),
  },
  {
    path: LIVE_PATH,
    title: 'Live',
    permission: 'readJourneys',
    Component: lazyPage(loadLivePages, (pages) => pages.LivePage),
  },
  {
    path: INSIGHTS_PATH,
    title: 'Insights',
    permission: 'readJourneys',
    Component: lazyPage(loadInsightPages, (pages) => pages.InsightsPage),
  },
  {
    path: ANNOTATIONS_PATH,
    title: 'Annotations',
    permission: 'readJourneys',
    Component: lazyPage(loadInsightPages, (pages) => pages.AnnotationsPage),
  },
  {
    path: CONSENT_SETTINGS_PATH,
    title: 'Consent settings',
    permission: 'manageConsent',
    section: 'privacy',
    Component: lazyPage(loadPrivacyPages, (pages) => pages.ConsentSettingsPage),
  },
  {
    path: CONSENT_ANALYTICS_PATH,
    title: 'Consent analytics',
    permission: 'readConsent',
    section: 'privacy',
    Component: lazyPage(loadPrivacyPages, (pages) => pages.ConsentAnalyticsPage),
  },
  {
    path: CONSENT_LOG_PATH,
    title: 'Consent log',
    permission: 'readConsent',
    section: 'privacy',
    Component: lazyPage(loadPrivacyPages, (pages) => pages.ConsentLogPage),
  },
  {
    path: DATA_COLLECTION_PATH,
    title: 'Data collection',
    permission: 'manageConsent',
    section: 'privacy',
    Component: lazyPage(loadPrivacyPages, (pages) => pages.DataCollectionPage),
  },
  {
    path: RETENTION_PATH,
    title: 'Retention',
    permission: 'manageConsent',
    section: 'privacy',
    Component: lazyPage(loadPrivacyPages, (pages) => pages.RetentionPage),
  },

  {
    path: REQUESTS_PATH,
    title: 'Requests',
    permission: 'handleRequests',
    section: 'privacy',
    Component: lazyPage(loadPrivacyPages, (pages) => pages.RequestsPage),
  },
  {
    path: REGISTER_PATH,
    title: 'Register',
    permission: 'readConsent',
    section: 'privacy',
    Component: lazyPage(loadPrivacyPages, (pages) => pages.RegisterPage),
  },
  { path: AUDIT_PATH, title: 'Audit log', permission: 'readAudit', Component: AuditLogPage },
  {
    path: PROJECT_SETTINGS_PATH,
    title: 'Project',
    permission: 'manageProject',
    section: 'settings',
    Component: lazyPage(loadSettingsPages, (pages) => pages.ProjectSettingsPage),
  },
  {
    path: MEMBERS_PATH,
    title: 'Members',
    permission: 'manageProject',
    section: 'settings',
    Component: lazyPage(loadSettingsPages, (pages) => pages.MembersPage),
  },
  {
    path: KEYS_PATH,
    title: 'API keys',
    permission: 'manageProject',
    section: 'settings',
    Component: lazyPage(loadSettingsPages, (pages) => pages.KeysPage),
  },
  {
    path: SHARES_PATH,
    title: 'Share links',
    permission: 'manageProject',
    section: 'settings',
    Component: lazyPage(loadSettingsPages, (pages) => pages.SharesPage),
  },
  {
    path: WEBHOOKS_PATH,
    title: 'Webhooks',
    permission: 'sendWebhooks',
    Component: lazyPage(loadWebhookPages, (pages) => pages.WebhooksPage),
  },
];

/** A dashboard alone, without navigation (`#/p/<project>/dashboards/<id>/print`), `params.id` its id. */
export const DashboardPrintPage = lazyPage(loadInsightPages, (pages) => pages.DashboardPrintPage);

/** The pages `role` may use, in navigation order. */
export function getPagesFor(role: Role): Page[] {
  return PAGES.filter((page) => can(role, page.permission));
}
