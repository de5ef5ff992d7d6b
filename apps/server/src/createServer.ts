import { createServer as createHttpServer, type Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import { appRouter, createApiServices, readSessionCookie, type SendMail } from '@parcours/api';
import { LIMITS } from '@parcours/schema';
import type { Store } from '@parcours/store';
import { createHTTPHandler } from '@trpc/server/adapters/standalone';
import { applyCollectorCors, isCollectorPath } from './http/applyCollectorCors.js';
import { applySecurityHeaders } from './http/applySecurityHeaders.js';
import { getRequestFacts } from './http/getRequestFacts.js';
import { normaliseContentType } from './http/normaliseContentType.js';
import { serveStatic } from './http/serveStatic.js';

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
  const services = createApiServices(options);
  const handleTrpc = createHTTPHandler({
    router: appRouter,
    basePath: '/trpc/',
    maxBodySize: LIMITS.maxBatchBytes,
    // The dashboard batches a few queries per render; nobody needs more.
    maxBatchSize: 20,
    createContext: ({ req, res }) => ({
      store,
      authorization: req.headers.authorization,
      sessionToken: readSessionCookie(req.headers.cookie),
      request: getRequestFacts(req, { trustProxy }),
      setCookie: (cookie: string) => void res.appendHeader('Set-Cookie', cookie),
      setHeader: (name: string, value: string) => void res.setHeader(name, value),
      services,
    }),
    onError: ({ error, path }) => {
      if (error.code === 'INTERNAL_SERVER_ERROR')
        logError(`/trpc/${path ?? ''} failed`, error.cause ?? error);
    },
  });

  return createHttpServer((req, res) => {
    const { pathname } = new URL(req.url ?? '/', 'http://localhost');
    applySecurityHeaders(res);
    if (pathname.startsWith('/trpc/')) {
      // Answers are per caller and per moment: no cache may keep them.
      res.setHeader('Cache-Control', 'no-store');
      if (isCollectorPath(pathname)) {
        if (applyCollectorCors(req, res)) return;
        normaliseContentType(req);
      }
      handleTrpc(req, res);
      return;
    }
    serveStatic(req, res, { root: publicDir, pathname }).catch((error: unknown) => {
      logError(`GET ${pathname} failed`, error);
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
}
