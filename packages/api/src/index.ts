export { appRouter, createCaller, type AppRouter } from './appRouter.js';
export type { ApiServices, AuthorisedContext, Context, RequestFacts, SendMail } from './context.js';
export type { KnownChannel } from '@parcours/schema';
export { describePasswordProblem, hashPassword, verifyPassword, PASSWORD_LENGTH } from './auth/password.js';
export { createApiServices, DEFAULT_SESSION_IDLE_MS } from './auth/createApiServices.js';
export { readSessionCookie, SESSION_COOKIE } from './auth/sessionCookie.js';
export { PERMISSIONS, type Permission } from './permissions.js';
export { getCollectorMethod, isCollectorProcedure } from './isCollectorProcedure.js';
export { TokenBuckets, type TokenBucketOptions } from './rateLimit/TokenBuckets.js';
export { DEFAULT_RATE_LIMITS, describeRateLimit, type RateLimits } from './rateLimit/rateLimits.js';
export { purgeWithReceipt, RETENTION_ACTOR } from './retention/purgeWithReceipt.js';
export {
  REGISTER_SCHEMA_VERSION,
  type ProcessingRegister,
  type RegisterDataCategory,
  type RegisterPurpose,
  type RegisterSecurityMeasure,
} from './register/ProcessingRegister.js';
export { renderRegisterHtml } from './register/renderRegisterHtml.js';
export {
  signWebhookBody,
  verifyWebhookSignature,
  WEBHOOK_HEADERS,
  WEBHOOK_TOLERANCE_SECONDS,
} from './webhooks/signWebhookBody.js';
export {
  deliverDueWebhooks,
  DEFAULT_WEBHOOK_RETRY_POLICY,
  getRetryDelay,
  type WebhookRetryPolicy,
} from './webhooks/deliverDueWebhooks.js';
export { runDueReportSchedules, type ReportMailDeps } from './reports/runDueReportSchedules.js';
export { getNextReportRun, getReportPeriod } from './reports/reportCalendar.js';
export type { WebhookBody, WebhookPerson } from './webhooks/buildWebhookBody.js';
