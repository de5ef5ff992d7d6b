import { LIMITS } from '@parcours/schema';

/** The version tag of drop-off cursors: a future format can tell old cursors apart. */
const PREFIX = 'd1.';
const BASE64URL = /^[A-Za-z0-9_-]+$/;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The cursor after a person in a drop-off list: their person id, base64url-encoded
 * behind a version tag, so that it reads as opaque and garbage can be told apart.
 */
export function encodeDropoffCursor(personId: string): string {
  return PREFIX + Buffer.from(personId, 'utf8').toString('base64url');
}

/**
 * The person id a cursor made by {@link encodeDropoffCursor} holds, or undefined for
 * anything else (no tag, not canonical base64url, not UTF-8, too long for an id).
 */
export function decodeDropoffCursor(cursor: string): string | undefined {
  if (!cursor.startsWith(PREFIX)) return undefined;
  const encoded = cursor.slice(PREFIX.length);
  if (!BASE64URL.test(encoded)) return undefined;
  const bytes = Buffer.from(encoded, 'base64url');
  // Node's decoder skips what it cannot read: only a cursor that encodes back to itself is one.
  if (bytes.toString('base64url') !== encoded) return undefined;
  let personId: string;
  try {
    personId = utf8.decode(bytes);
  } catch {
    return undefined;
  }
  // The longest person id: `user:` and the longest user id (see personId.ts).
  if (personId.length < 1 || personId.length > 'user:'.length + LIMITS.maxUserIdLength) return undefined;
  return personId;
}
