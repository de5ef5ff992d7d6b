import { createServer as createHttpServer, type Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import {
  createApiServices,
  DEFAULT_RATE_LIMITS,
  TokenBuckets,
  type RateLimits,
  type SendMail,
} from '@parcours/api';
import { LIMITS } from '@parcours/schema';
import type { Store } from '@parcours/store';
import { applySecurityHeaders, CONTENT_SECURITY_POLICY } from './http/applySecurityHeaders.js';
import { createTrpcHandlers } from './http/createTrpcHandlers.js';
import { createTrpcRoute } from './http/createTrpcRoute.js';
import { getRequestFacts } from './http/getRequestFacts.js';
import { LoadShedder } from './http/LoadShedder.js';
import { parseRequestPath } from './http/parseRequestPath.js';
import { serveStatic } from './http/serveStatic.js';
import { startPurgeSchedule, type PurgeScheduleOptions } from './retention/startPurgeSchedule.js';
import { resolveServerLimits, type ServerLimits } from './http/ServerLimits.js';
import { startWebhookDeliveries, type WebhookDeliveryOptions } from './webhooks/startWebhookDeliveries.js';
import { startReportSchedules, type ReportScheduleOptions } from './reports/startReportSchedules.js';
import { createPdfRenderer, type PdfRendererOptions } from './reports/createPdfRenderer.js';

export interface ServerOptions {
  store: Store;
  /** Folder served at `/`: the dashboard build and `sdk.js`. Default: the build's `public/`. */
  publicDir?: string;
  /** Where unexpected errors are reported. Default: `console.error`. */
  logError?: (message: string, error: unknown) => void;
  /** Trust `X-Forwarded-Proto` and `X-Forwarded-For` from a reverse proxy. Default false. */
  trustProxy?: boolean | undefined;
  /** A dashboard session unused for this long ends. Default 7 days. */
  sessionIdleMs?: number | undefined;
  /** Mails invitations; without it, invitation links are only shown to copy. */
  sendMail?: SendMail | undefined;
  /**
   * Token buckets per client address (requests under `/trpc`) and per write key
   * (events), answering 429 with `Retry-After`. Default `DEFAULT_RATE_LIMITS` of
   * `@parcours/api`: 1,000 requests a second per address (bursts of 10,000), 50,000
   * events a second per write key (bursts of 500,000). `false` turns one or both off.
   */
  rateLimits?: Partial<RateLimits> | false | undefined;
  /**
   * The process's memory ceiling in MiB (resident memory); `collect` sheds (503) from
   * 85% of it. Default: three quarters of the machine's or container's memory.
   */
  maxMemoryMb?: number | undefined;
  /** Load shedding, connection and timeout limits; see {@link ServerLimits} for the defaults. */
  limits?: Partial<ServerLimits> | undefined;
  /**
   * Purge every project by its retention settings at start and daily (`parcours start`
   * does; see startPurgeSchedule for the options). Default off: a server made by a
   * test keeps the data it was given.
   */
  purgeSchedule?: PurgeScheduleOptions | false | undefined;
  /**
   * Delivers queued webhooks in the background, with retries (`parcours start` does;
   * see startWebhookDeliveries and `@parcours/api`'s DEFAULT_WEBHOOK_RETRY_POLICY for
   * the defaults). Default off: a server made by a test sends nothing unless asked.
   */
  webhooks?: WebhookDeliveryOptions | false | undefined;
  /**
   * Sends the dashboards' scheduled reports by email (`parcours start` does when SMTP
   * is set: `sendMail`), printed by the PDF renderer. Default off.
   */
  reportSchedules?: ReportScheduleOptions | false | undefined;
  /**
   * Prints `reports.pdf` with Chromium, started at the first report (see
   * createPdfRenderer). Default on; `false` answers 501.
   */
  pdf?: PdfRendererOptions | false | undefined;
}

/** The build copies the dashboard and the SDK here (scripts/copyAssets.js). */
export const DEFAULT_PUBLIC_DIR = fileURLToPath(new URL('./public/', import.meta.url));

/**
 * One Node HTTP server for everything: the tRPC collector and read API under
 * `/trpc`, the dashboard at `/`, the SDK at `/sdk.js`. Not listening yet: the
 * caller picks the port (tests use 0).
 */
export function createServer(options: ServerOptions): Server {
  const { store, publicDir = DEFAULT_PUBLIC_DIR, logError = console.error, trustProxy = false } = options;
  const rateLimits: Partial<RateLimits> | undefined =
    options.rateLimits === false ? { perIp: false, perWriteKey: false } : options.rateLimits;
  const perIp = rateLimits?.perIp ?? DEFAULT_RATE_LIMITS.perIp;
  const perWriteKey = rateLimits?.perWriteKey ?? DEFAULT_RATE_LIMITS.perWriteKey;
  const limits = resolveServerLimits({ ...options.limits, maxMemoryMb: options.maxMemoryMb });
  const services = createApiServices({
    ...options,
    writeKeyRateLimit: perWriteKey,
    contentSecurityPolicy: CONTENT_SECURITY_POLICY,
    // Touchpoints another process stored (a second server, `parcours import`) are pushed too.
    changeMarks: { readMark: (projectId) => store.getChangeMark(projectId) },
  });
  const shedder = new LoadShedder(limits);
  const { handleTrpc, callCollector } = createTrpcHandlers({ store, services, trustProxy, logError });
  const routeTrpc = createTrpcRoute({
    handleTrpc,
    callCollector,
    maxBodyBytes: LIMITS.maxBatchBytes,
    shedder,
    ipRateLimit: perIp === false ? undefined : new TokenBuckets(perIp),
    getClientIp: (req) => getRequestFacts(req, { trustProxy }).ip,
  });

  const server = createHttpServer(
    {
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      keepAliveTimeout: limits.keepAliveTimeoutMs,
      // Node checks the two timeouts above on this beat (default 30 s, too coarse).
      connectionsCheckingInterval: Math.min(1_000, limits.headersTimeoutMs),
    },
    (req, res) => {
      applySecurityHeaders(res);
      const target = parseRequestPath(req);
      if (!target.ok) {
        res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8', Connection: 'close' });
        res.end(target.problem);
        return;
      }
      const { pathname } = target;
      if (pathname.startsWith('/trpc/')) {
        routeTrpc(req, res, target).catch((error: unknown) => {
          logError(`${req.method} ${pathname} failed`, error);
          if (!res.headersSent) res.writeHead(500);
          res.end();
        });
        return;
      }
      serveStatic(req, res, { root: publicDir, pathname }).catch((error: unknown) => {
        logError(`GET ${pathname} failed`, error);
        if (!res.headersSent) res.writeHead(500);
        res.end();
      });
    },
  );
  server.maxConnections = limits.maxConnections;
  server.once('close', () => shedder.stop());
  if (options.purgeSchedule) {
    const schedule = startPurgeSchedule(store, { logError, ...options.purgeSchedule });
    server.once('close', () => schedule.stop());
  }
  if (options.pdf !== false) {
    const renderer = createPdfRenderer(options.pdf);
    services.renderPdf = (html) => renderer.render(html);
    server.once('close', () => void renderer.close());
  }
  if (options.reportSchedules && services.sendMail && services.renderPdf) {
    const schedules = startReportSchedules(
      { store, sendMail: services.sendMail, renderPdf: services.renderPdf },
      { logError, ...options.reportSchedules },
    );
    server.once('close', () => schedules.stop());
  }
  if (options.webhooks) {
    const deliveries = startWebhookDeliveries(store, { logError, ...options.webhooks });
    services.onWebhookQueued = () => deliveries.wake();
    server.once('close', () => deliveries.stop());
  }
  return server;
}
