import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.map': 'application/json',
  '.woff2': 'font/woff2',
};

/**
 * Serves the dashboard build and the SDK bundles from one folder. Paths without an
 * extension fall back to `index.html` (the dashboard routes in the browser).
 * `/sdk.js` and `/banner.js` are loaded by customers' pages on other origins, hence their CORS header.
 */
export async function serveStatic(
  req: IncomingMessage,
  res: ServerResponse,
  options: { root: string; pathname: string },
): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD' }).end();
    return;
  }
  const root = normalize(options.root + sep);
  let file = normalize(join(root, decodeURIComponent(options.pathname)));
  if (!file.startsWith(root)) {
    res.writeHead(404).end();
    return;
  }
  if (file === root || extname(file) === '') file = join(root, 'index.html');
  const info = await stat(file).catch(() => undefined);
  if (info === undefined || !info.isFile()) {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
    return;
  }
  const headers: Record<string, string | number> = {
    'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
    'Content-Length': info.size,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': getCacheControl(file),
  };
  if (options.pathname.startsWith('/sdk') || options.pathname.startsWith('/banner')) {
    headers['Access-Control-Allow-Origin'] = '*';
  }
  res.writeHead(200, headers);
  if (req.method === 'HEAD') res.end();
  else createReadStream(file).pipe(res);
}

/**
 * Hashed assets never change; `index.html` is revalidated on every load so a new
 * release (and its new asset names) is picked up at once; the SDK may be cached briefly.
 */
function getCacheControl(file: string): string {
  if (file.includes(`${sep}assets${sep}`)) return 'public, max-age=31536000, immutable';
  if (extname(file) === '.html') return 'no-cache';
  return 'public, max-age=300';
}
