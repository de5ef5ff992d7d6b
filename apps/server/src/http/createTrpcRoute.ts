import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  describeRateLimit,
  getCollectorMethod,
  isCollectorProcedure,
  type TokenBuckets,
} from '@parcours/api';
import { answerNotModified } from './answerNotModified.js';
import { applyCollectorCors } from './applyCollectorCors.js';
import { prepareEarlyAnswer } from './closeAfterAnswer.js';
import { isJsonCollectorPost } from './createCollectorCall.js';
import { decodeUtf8Body } from './decodeUtf8Body.js';
import type { LoadShedder } from './LoadShedder.js';
import { normaliseContentType } from './normaliseContentType.js';
import { readRequestBody } from './readRequestBody.js';
import { sendTrpcError, type HttpRefusal } from './sendTrpcError.js';

export interface TrpcRouteOptions {
  /** tRPC's node handler; it uses `req.body` when set, instead of reading the stream. */
  handleTrpc: (req: IncomingMessage, res: ServerResponse) => void;
  /** `collect` and `consent` with a JSON body, called without tRPC's Fetch API adapter (`createCollectorCall`). */
  callCollector: (
    req: IncomingMessage,
    res: ServerResponse,
    call: { path: string; body: string },
  ) => Promise<void>;
  /** Largest request body, in bytes. */
  maxBodyBytes: number;
  shedder: LoadShedder;
  /** Requests per client address; undefined: no limit. */
  ipRateLimit: TokenBuckets | undefined;
  /** The client's address (`getRequestFacts(...).ip`, which honours `--trust-proxy`). */
  getClientIp: (req: IncomingMessage) => string;
}

const API_METHODS = 'GET, POST';

/**
 * Everything under `/trpc/`, in the order of what costs least to refuse: method,
 * batching, rate limit and load shedding before a byte of the body is read; then
 * the body, bounded (413) and decoded as strict UTF-8 (400) before tRPC parses it.
 */
export function createTrpcRoute(options: TrpcRouteOptions) {
  const { handleTrpc, callCollector, maxBodyBytes, shedder, ipRateLimit, getClientIp } = options;
  const refuseEarly = (req: IncomingMessage, res: ServerResponse, refusal: HttpRefusal) => {
    prepareEarlyAnswer(req, res, maxBodyBytes);
    sendTrpcError(res, refusal);
  };

  return async (
    req: IncomingMessage,
    res: ServerResponse,
    target: { pathname: string; searchParams: URLSearchParams },
  ): Promise<void> => {
    // Answers are per caller and per moment: no cache may keep them (consent.config,
    // the same for everyone, sets its own).
    res.setHeader('Cache-Control', 'no-store');
    const procedures = target.pathname.slice('/trpc/'.length).split(',');
    const collectorPath = procedures.find(isCollectorProcedure);
    const collector = collectorPath !== undefined;
    // `consent.config` is a GET (cacheable, 304 on a matching ETag); the others POST.
    const collectorMethod = collector ? getCollectorMethod(collectorPath) : undefined;
    if (collector && applyCollectorCors(req, res, collectorMethod)) return;
    const allowed = collector ? `${collectorMethod}, OPTIONS` : API_METHODS;
    if (!allowed.split(', ').includes(req.method ?? '')) {
      refuseEarly(req, res, {
        code: 'METHOD_NOT_SUPPORTED',
        message: `${req.method ?? 'This method'} is not allowed here: use ${allowed}`,
        headers: { Allow: allowed },
      });
      return;
    }
    // The 500-event limit is per HTTP request: a batched call would multiply it.
    if (collector && (procedures.length > 1 || target.searchParams.has('batch'))) {
      refuseEarly(req, res, {
        code: 'BAD_REQUEST',
        message: 'collect and consent cannot be batched: send one call per request, without ?batch',
      });
      return;
    }
    const retryAfter = ipRateLimit?.take(getClientIp(req)) ?? 0;
    if (retryAfter > 0) {
      refuseEarly(req, res, {
        code: 'TOO_MANY_REQUESTS',
        message: `Too many requests from this address: ${describeRateLimit(ipRateLimit!.options, 'requests')}; retry in ${retryAfter} s`,
        retryAfter,
      });
      return;
    }
    if (collector) {
      const overload = shedder.getOverload();
      if (overload !== undefined) {
        refuseEarly(req, res, {
          code: 'SERVICE_UNAVAILABLE',
          message: `Parcours is overloaded (${overload.reason}): retry in ${overload.retryAfter} s`,
          retryAfter: overload.retryAfter,
        });
        return;
      }
      shedder.track(res);
      normaliseContentType(req);
    }
    if (req.method === 'POST') {
      const body = await readRequestBody(req, res, { maxBytes: maxBodyBytes });
      if (body === undefined) return;
      const decoded = decodeUtf8Body(body);
      if ('problem' in decoded) {
        sendTrpcError(res, { code: 'BAD_REQUEST', message: decoded.problem });
        return;
      }
      if (collector && isJsonCollectorPost(req, collectorPath)) {
        await callCollector(req, res, { path: collectorPath, body: decoded.text });
        return;
      }
      // tRPC v11's node adapter parses `req.body` when it is set, a string as is
      // (`adapters/node-http/incomingMessageToRequest.ts`, createBody).
      (req as IncomingMessage & { body?: string }).body = decoded.text;
    }
    if (collectorMethod === 'GET') answerNotModified(req, res);
    handleTrpc(req, res);
  };
}
