/** Where the app is: a page path and its parameters, e.g. `#/person?userId=u_42`. */
export interface Route {
  /** The page, without slashes: `person`. Empty for the default page. */
  path: string;
  /** The page's parameters; a page reads the ones it knows and ignores the rest. */
  params: Record<string, string>;
}

/**
 * Reads a `location.hash` of the form `#/path?a=1&b=2`. A hash router needs nothing
 * from the server (no SPA fallback), and a person's journey stays linkable and
 * reachable with the back button. Unknown shapes give the default page.
 */
export function parseHash(hash: string): Route {
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  if (!body.startsWith('/')) return { path: '', params: {} };
  const queryAt = body.indexOf('?');
  const rawPath = queryAt === -1 ? body : body.slice(0, queryAt);
  const path = rawPath.replace(/^\/+|\/+$/g, '');
  const params = Object.fromEntries(new URLSearchParams(queryAt === -1 ? '' : body.slice(queryAt + 1)));
  return { path: path.split('/').map(safeDecode).join('/'), params };
}

/**
 * The hash of a page with its parameters: the inverse of {@link parseHash}. Each
 * segment of `path` is encoded on its own, so `p/prj_1/funnel` keeps its slashes.
 */
export function createHash(path: string, params: Record<string, string> = {}): string {
  const query = new URLSearchParams(params).toString();
  return `#/${path.split('/').map(encodeURIComponent).join('/')}${query ? `?${query}` : ''}`;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
