import type { IncomingMessage } from 'node:http';
import type { TLSSocket } from 'node:tls';
import type { RequestFacts } from '@parcours/api';

function lastHop(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header.join(',') : header;
  return value?.split(',').at(-1)?.trim() || undefined;
}

/**
 * Where a request came from and how. Behind `--trust-proxy`, the reverse proxy's
 * `X-Forwarded-Proto` says whether the client used HTTPS and the last
 * `X-Forwarded-For` hop (the one the proxy appended: earlier ones are the client's
 * word) is the client's address. Without it those headers are ignored: anyone can send them.
 */
export function getRequestFacts(req: IncomingMessage, options: { trustProxy: boolean }): RequestFacts {
  const encrypted = (req.socket as Partial<TLSSocket>).encrypted === true;
  const secure = encrypted || (options.trustProxy && lastHop(req.headers['x-forwarded-proto']) === 'https');
  const ip =
    (options.trustProxy ? lastHop(req.headers['x-forwarded-for']) : undefined) ??
    req.socket.remoteAddress ??
    'unknown';
  const host = req.headers.host ?? 'localhost';
  // Global Privacy Control: the header's only defined value is "1".
  const gpc = req.headers['sec-gpc'] === '1';
  return {
    ip,
    origin: req.headers.origin,
    gpc,
    selfOrigin: `${secure ? 'https' : 'http'}://${host}`,
    secure,
  };
}
