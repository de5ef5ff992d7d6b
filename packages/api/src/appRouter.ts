import { adminRouter } from './routers/admin.js';
import { annotationsRouter } from './routers/annotations.js';
import { auditRouter } from './routers/audit.js';
import { authRouter } from './routers/auth.js';
import { collect } from './routers/collect.js';
import { consent } from './routers/consent.js';
import { consentConfig } from './routers/consentConfig.js';
import { dashboardsRouter } from './routers/dashboards.js';
import { exportsRouter } from './routers/exports.js';
import { identityRouter } from './routers/identity.js';
import { insightsRouter } from './routers/insights.js';
import { journeysRouter } from './routers/journeys.js';
import { keysRouter } from './routers/keys.js';
import { liveRouter } from './routers/live.js';
import { membersRouter } from './routers/members.js';
import { privacyRouter } from './routers/privacy.js';
import { segmentsRouter } from './routers/segments.js';
import { reportsRouter } from './routers/reports.js';
import { shareRouter } from './routers/share.js';
import { sharesRouter } from './routers/shares.js';
import { webhooksRouter } from './routers/webhooks.js';
import { createCallerFactory, router } from './trpc.js';

/** Every procedure Parcours serves under `/trpc`; who may call each is in `permissions.ts`. */
export const appRouter = router({
  collect,
  consent,
  // A dotted key, not a router: `consent` itself is a procedure (POST /trpc/consent).
  'consent.config': consentConfig,
  auth: authRouter,
  journeys: journeysRouter,
  live: liveRouter,
  privacy: privacyRouter,
  admin: adminRouter,
  identity: identityRouter,
  members: membersRouter,
  keys: keysRouter,
  audit: auditRouter,
  shares: sharesRouter,
  segments: segmentsRouter,
  share: shareRouter,
  insights: insightsRouter,
  dashboards: dashboardsRouter,
  annotations: annotationsRouter,
  webhooks: webhooksRouter,
  exports: exportsRouter,
  reports: reportsRouter,
});

/** The router's type: all the dashboard imports from the API. */
export type AppRouter = typeof appRouter;

/** Calls procedures in-process, for tests and scripts. */
export const createCaller = createCallerFactory(appRouter);
