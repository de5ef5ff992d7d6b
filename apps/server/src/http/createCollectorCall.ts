import type { IncomingMessage, ServerResponse } from 'node:http';
import { appRouter, type Context } from '@parcours/api';
import {
  callTRPCProcedure,
  getErrorShape,
  getTRPCErrorFromUnknown,
  TRPCError,
  transformTRPCResponse,
} from '@trpc/server';
import { getHTTPStatusCode } from '@trpc/server/http';
import type { TRPCResponse } from '@trpc/server/rpc';

export interface CollectorCallOptions {
  /** The context tRPC's handler would build for this request. */
  createContext: (req: IncomingMessage, res: ServerResponse) => Context;
  /** Told of every error, as tRPC's handler tells its `onError`. */
  onError: (failure: { error: TRPCError; path: string }) => void;
}

/** The collector calls this answers, and their one HTTP method. */
const POST_COLLECTOR_PATHS = new Set(['collect', 'consent']);

/** True when {@link createCollectorCall} answers this request instead of tRPC's handler. */
export function isJsonCollectorPost(req: IncomingMessage, path: string): boolean {
  if (req.method !== 'POST' || !POST_COLLECTOR_PATHS.has(path)) return false;
  const mediaType = req.headers['content-type']?.split(';', 1)[0]?.trim().toLowerCase();
  return mediaType === 'application/json';
}

/**
 * A collector mutation (`collect`, `consent`) with a JSON body, called and answered
 * without tRPC's Fetch API adapter: that adapter turns every Node request into a
 * `Request` (headers copied, the body a `ReadableStream`, two `AbortSignal`s) and
 * every answer back from a `Response` through a `WritableStream`, which cost about a
 * fifth of the collector's CPU per batch (profile of 200,000 events in batches of 50).
 * The procedure itself runs as tRPC runs it (`callTRPCProcedure`: every middleware,
 * the rate limit, validation, consent), and the answer is built with tRPC's own
 * functions (error shape through the router's error formatter, HTTP status,
 * response transformer, the `Vary` header), so the wire does not change; an HTTP test
 * holds the two paths to the same answers. Everything else (other content types,
 * every other procedure) still goes through tRPC's handler.
 *
 * The body was read and decoded by the route (size limit, strict UTF-8); like tRPC,
 * an empty body is no input and a body that is not JSON is a 400 naming the error.
 */
export function createCollectorCall(options: CollectorCallOptions) {
  const { createContext, onError } = options;
  const config = appRouter._def._config;
  return async (req: IncomingMessage, res: ServerResponse, call: { path: string; body: string }) => {
    const { path, body } = call;
    let input: unknown;
    let ctx: Context | undefined;
    let answer: TRPCResponse;
    let error: TRPCError | undefined;
    try {
      ctx = createContext(req, res);
      const parsed = parseBody(body);
      const data: unknown = await callTRPCProcedure({
        router: appRouter,
        path,
        type: 'mutation',
        ctx,
        getRawInput: () => parsed.then((value) => (input = value)),
        signal: undefined,
        batchIndex: 0,
      });
      answer = { result: { data } };
    } catch (cause) {
      error = getTRPCErrorFromUnknown(cause);
      onError({ error, path });
      answer = { error: getErrorShape({ config, error, type: 'mutation', path, input, ctx }) };
    }
    res.statusCode = getHTTPStatusCode(answer, error === undefined ? [] : [error]);
    res.setHeader('Vary', 'trpc-accept, accept');
    res.setHeader('Content-Type', 'application/json');
    res.end(JSON.stringify(transformTRPCResponse(config, answer)));
  };
}

/** The raw input, as tRPC's JSON content handler makes it (settled lazily, like its memo). */
function parseBody(body: string): Promise<unknown> {
  try {
    return Promise.resolve(body === '' ? undefined : (JSON.parse(body) as unknown));
  } catch (cause) {
    const parsed = Promise.reject(
      new TRPCError({
        code: 'BAD_REQUEST',
        message: cause instanceof Error ? cause.message : 'Invalid input',
        cause,
      }),
    );
    // Rejected only when the procedure asks for its input.
    parsed.catch(() => undefined);
    return parsed;
  }
}
