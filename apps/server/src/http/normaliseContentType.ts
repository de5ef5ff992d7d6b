import type { IncomingMessage } from 'node:http';

/**
 * tRPC v11's HTTP handler parses only JSON, form data and octet-stream bodies
 * (`unstable-core-do-not-import/http/contentType.ts`), but a cross-origin
 * `navigator.sendBeacon` or keepalive `fetch` must send `text/plain` to avoid a
 * CORS preflight, which browsers do not wait for at page exit: the request would be
 * silently lost. So collector requests with a `text/plain` (or no) content type
 * are relabelled as the JSON they are before tRPC sees them.
 */
export function normaliseContentType(req: IncomingMessage): void {
  if (req.method !== 'POST') return;
  const mediaType = req.headers['content-type']?.split(';', 1)[0]?.trim().toLowerCase();
  if (mediaType === undefined || mediaType === '' || mediaType === 'text/plain') {
    req.headers['content-type'] = 'application/json';
  }
}
