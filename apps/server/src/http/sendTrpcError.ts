import type { ServerResponse } from 'node:http';
import { TRPCError } from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import { TRPC_ERROR_CODES_BY_KEY, type TRPC_ERROR_CODE_KEY } from '@trpc/server/rpc';

/** An answer the HTTP layer gives before (or instead of) tRPC. */
export interface HttpRefusal {
  code: TRPC_ERROR_CODE_KEY;
  message: string;
  /** Seconds, for 429 and 503: the SDK waits this long before sending the batch again. */
  retryAfter?: number | undefined;
  /** Extra headers (`Allow` on a 405). */
  headers?: Record<string, string> | undefined;
}

/**
 * Answers with the body tRPC itself gives for an error (`{"error":{"message","code",
 * "data":{"code","httpStatus"}}}`), so a client reads every refusal the same way,
 * whether the HTTP layer or a procedure refused.
 */
export function sendTrpcError(res: ServerResponse, refusal: HttpRefusal): void {
  const httpStatus = getHTTPStatusCodeFromError(new TRPCError({ code: refusal.code }));
  const body = JSON.stringify({
    error: {
      message: refusal.message,
      code: TRPC_ERROR_CODES_BY_KEY[refusal.code],
      data: { code: refusal.code, httpStatus },
    },
  });
  const headers: Record<string, string | number> = {
    ...refusal.headers,
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(body),
  };
  if (refusal.retryAfter !== undefined) headers['Retry-After'] = String(refusal.retryAfter);
  res.writeHead(httpStatus, headers).end(body);
}
