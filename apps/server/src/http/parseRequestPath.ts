import type { IncomingMessage } from 'node:http';

/** A request's path and query, or why they cannot be read. */
export type RequestPath =
  { ok: true; pathname: string; searchParams: URLSearchParams } | { ok: false; problem: string };

/**
 * Reads the request target once, for every route. A target that does not parse, or
 * a path with a `%` not followed by two hex digits (`/%`, `/trpc/%zz`), is the
 * client's mistake: a 400, not an exception thrown later by `decodeURIComponent`.
 */
export function parseRequestPath(req: IncomingMessage): RequestPath {
  let url: URL;
  try {
    url = new URL(req.url ?? '/', 'http://localhost');
  } catch {
    return { ok: false, problem: 'Malformed URL' };
  }
  try {
    decodeURIComponent(url.pathname);
  } catch {
    return {
      ok: false,
      problem: 'Malformed URL: in a path, % must start an escape of two hex digits, such as %20',
    };
  }
  return { ok: true, pathname: url.pathname, searchParams: url.searchParams };
}
