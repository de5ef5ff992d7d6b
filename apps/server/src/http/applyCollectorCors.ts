import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * The collector (`collect`, `consent`, `consent.config`: the write-key entries of the
 * permission table) is called from customers' pages, on their own origins. Nothing
 * else answers another origin: no authenticated procedure sends
 * `Access-Control-Allow-Origin`. It needs no cookies (the write key is in the input),
 * so `*` is the right answer. `method`: the one the procedure takes (`consent.config`
 * is a cacheable GET, the others POST). Returns true when the request was a preflight
 * and has been answered.
 */
export function applyCollectorCors(
  req: IncomingMessage,
  res: ServerResponse,
  method: 'GET' | 'POST' = 'POST',
): boolean {
  // Set before tRPC answers, so errors carry it too: without it a 400 reads as a
  // network error in the browser, and the SDK would retry a batch that can never pass.
  res.setHeader('Access-Control-Allow-Origin', '*');
  // A cross-origin fetch can read only the headers listed here; the SDK honours
  // Retry-After, the banner may keep the config's ETag.
  res.setHeader('Access-Control-Expose-Headers', method === 'GET' ? 'Retry-After, ETag' : 'Retry-After');
  if (req.method !== 'OPTIONS') return false;
  res.writeHead(204, {
    'Access-Control-Allow-Methods': `${method}, OPTIONS`,
    'Access-Control-Allow-Headers': method === 'GET' ? 'If-None-Match' : 'Content-Type',
    'Access-Control-Max-Age': '86400',
  });
  res.end();
  return true;
}
