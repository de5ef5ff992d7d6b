import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * True when `If-None-Match` names `etag` (or is `*`): the weak comparison HTTP asks
 * of GET (RFC 9110 §13.1.2), so `W/"x"` matches `"x"`.
 */
export function matchesEtag(ifNoneMatch: string, etag: string): boolean {
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  if (ifNoneMatch.trim() === '*') return true;
  return ifNoneMatch.split(',').some((tag) => opaque(tag) === opaque(etag));
}

/**
 * Turns the answer into `304 Not Modified` with no body when it is a 200 whose `ETag`
 * (set by the procedure, e.g. `consent.config`) matches the request's `If-None-Match`.
 * tRPC sets the status and headers, then writes the body and ends: the decision is
 * taken at the first write, when the status and `ETag` are known and nothing is sent
 * yet; the body is then dropped. Without `If-None-Match`, nothing changes.
 */
export function answerNotModified(req: IncomingMessage, res: ServerResponse): void {
  const ifNoneMatch = req.headers['if-none-match'];
  if (ifNoneMatch === undefined) return;
  let notModified: boolean | undefined;
  const decide = (): boolean => {
    if (notModified !== undefined) return notModified;
    const etag = res.getHeader('ETag');
    notModified = !res.headersSent && res.statusCode === 200 && typeof etag === 'string';
    notModified &&= matchesEtag(ifNoneMatch, etag as string);
    if (notModified) {
      res.statusCode = 304;
      res.removeHeader('Content-Type');
      res.removeHeader('Content-Length');
    }
    return notModified;
  };
  const write = res.write.bind(res);
  const end = res.end.bind(res);
  res.write = ((...args: Parameters<typeof write>) => (decide() ? true : write(...args))) as typeof res.write;
  res.end = ((...args: Parameters<typeof end>) => (decide() ? end() : end(...args))) as typeof res.end;
}
