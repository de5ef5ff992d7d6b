import type { ServerResponse } from 'node:http';

/**
 * The dashboard's Content-Security-Policy: scripts, styles, fetches and images from
 * its own origin only (no `'unsafe-inline'`, no `eval`), and no page may frame it
 * (clickjacking). Reports nothing anywhere: Parcours phones no one.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Headers every response carries, set before anything answers so errors carry them too. */
export function applySecurityHeaders(res: ServerResponse): void {
  res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  // The dashboard's URLs hold project ids and share tokens: never send them on.
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
}
