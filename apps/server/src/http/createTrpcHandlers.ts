import type { IncomingMessage, ServerResponse } from 'node:http';
import { appRouter, readSessionCookie, type ApiServices, type Context } from '@parcours/api';
import { LIMITS } from '@parcours/schema';
import type { Store } from '@parcours/store';
import type { TRPCError } from '@trpc/server';
import { createHTTPHandler } from '@trpc/server/adapters/standalone';
import { createCollectorCall } from './createCollectorCall.js';
import { getRequestFacts } from './getRequestFacts.js';

export interface TrpcHandlerOptions {
  store: Store;
  services: ApiServices;
  /** Trust `X-Forwarded-Proto` and `X-Forwarded-For` from a reverse proxy. */
  trustProxy: boolean;
  /** Where unexpected errors (500s) are reported. */
  logError: (message: string, error: unknown) => void;
}

/**
 * The two ways a `/trpc/` request reaches the routers, on one context and one error
 * log: tRPC's node handler for every call, and `callCollector` for `collect` and
 * `consent` with a JSON body (see `createCollectorCall`).
 */
export function createTrpcHandlers(options: TrpcHandlerOptions) {
  const { store, services, trustProxy, logError } = options;
  const createContext = (req: IncomingMessage, res: ServerResponse): Context => ({
    store,
    authorization: req.headers.authorization,
    sessionToken: readSessionCookie(req.headers.cookie),
    request: getRequestFacts(req, { trustProxy }),
    setCookie: (cookie: string) => void res.appendHeader('Set-Cookie', cookie),
    setHeader: (name: string, value: string) => void res.setHeader(name, value),
    services,
  });
  const onError = ({ error, path }: { error: TRPCError; path?: string | undefined }) => {
    if (error.code === 'INTERNAL_SERVER_ERROR') logError(`/trpc/${path ?? ''} failed`, error.cause ?? error);
  };
  const handleTrpc = createHTTPHandler({
    router: appRouter,
    basePath: '/trpc/',
    maxBodySize: LIMITS.maxBatchBytes,
    // The dashboard batches a few queries per render; nobody needs more.
    maxBatchSize: 20,
    createContext: ({ req, res }) => createContext(req, res),
    onError,
  });
  return { handleTrpc, callCollector: createCollectorCall({ createContext, onError }) };
}
