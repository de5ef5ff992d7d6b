import { createHash, randomBytes } from 'node:crypto';

/** A random, URL-safe key with a readable prefix (`wk_`, `sk_`, `prj_`). */
export function createKey(prefix: string, bytes = 18): string {
  return `${prefix}_${randomBytes(bytes).toString('base64url')}`;
}

/**
 * Secret keys are 144 random bits, so a plain SHA-256 is enough to keep them unusable
 * if the database leaks; a slow password hash would only slow every API call.
 */
export function hashSecretKey(secretKey: string): string {
  return createHash('sha256').update(secretKey).digest('base64url');
}

/**
 * Session, invitation and share-link tokens are random too: stored as the same
 * SHA-256, so a copy of the database opens nothing.
 */
export const hashToken = hashSecretKey;
