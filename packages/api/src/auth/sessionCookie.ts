/** The dashboard session's cookie. */
export const SESSION_COOKIE = 'parcours_session';

/**
 * The `Set-Cookie` value of a session: `HttpOnly` (no script reads it), `SameSite=Lax`
 * (not sent on cross-site POSTs), `Path=/`, `Secure` over HTTPS. `Max-Age` matches the
 * idle expiry; the server pushes both back as the session is used.
 */
export function serializeSessionCookie(
  token: string,
  options: { secure: boolean; maxAgeMs: number },
): string {
  const parts = [
    `${SESSION_COOKIE}=${token}`,
    'HttpOnly',
    'SameSite=Lax',
    'Path=/',
    `Max-Age=${Math.floor(options.maxAgeMs / 1000)}`,
  ];
  if (options.secure) parts.push('Secure');
  return parts.join('; ');
}

/** The `Set-Cookie` value that deletes the session cookie. */
export function serializeClearedSessionCookie(options: { secure: boolean }): string {
  return serializeSessionCookie('', { ...options, maxAgeMs: 0 });
}

/** The session token of a `Cookie` request header, if any. */
export function readSessionCookie(cookieHeader: string | undefined): string | undefined {
  if (!cookieHeader) return undefined;
  for (const pair of cookieHeader.split(';')) {
    const at = pair.indexOf('=');
    if (at !== -1 && pair.slice(0, at).trim() === SESSION_COOKIE)
      return pair.slice(at + 1).trim() || undefined;
  }
  return undefined;
}
