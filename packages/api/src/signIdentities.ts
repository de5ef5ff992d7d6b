import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Event } from '@parcours/schema';
import type { IdentitySettings, StoredEvent } from '@parcours/store';

/** HMAC-SHA256(identitySecret, userId), the signature a site's backend computes. */
export function signUserId(identitySecret: string, userId: string): Buffer {
  return createHmac('sha256', identitySecret).update(userId, 'utf8').digest();
}

/** True when `userHash` (64 lower-case hex, as the schema checks) signs `userId`, compared in constant time. */
export function isSignedUserId(
  identitySecret: string,
  userId: string,
  userHash: string | undefined,
): boolean {
  if (userHash === undefined) return false;
  const given = Buffer.from(userHash, 'hex');
  const expected = signUserId(identitySecret, userId);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * Applies a project's identity policy to a batch (issue 13): `userHash` is never
 * stored; when signed identities are required, an event whose user id is unsigned or
 * wrongly signed is still stored, its id kept apart as `claimedUserId`, so it links
 * its device to nobody. Without the requirement every user id is trusted.
 */
export function signIdentities(batch: ReadonlyArray<Event>, settings: IdentitySettings): StoredEvent[] {
  return batch.map(({ userHash, ...event }): StoredEvent => {
    if (event.userId === undefined || !settings.requireSignedIdentities) return event;
    if (isSignedUserId(settings.identitySecret, event.userId, userHash)) return event;
    const { userId, ...unsigned } = event;
    return { ...unsigned, claimedUserId: userId };
  });
}
