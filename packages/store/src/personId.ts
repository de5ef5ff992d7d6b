/**
 * Person ids: a person is one user id, or one device (anonymous id) that never
 * identified. Anonymous and user ids are free-form strings from the site, so a
 * prefix tells them apart without any ambiguity:
 * - a user: `user:<userId>`;
 * - a never-identified device: its anonymous id, unchanged, unless that id itself
 *   starts with `user:` or `device:`, then `device:<anonymousId>`.
 * SDK-made anonymous ids (UUIDs) are thus their own person id, as before issue 13.
 */
const USER = 'user:';
const DEVICE = 'device:';

/** The person id of a user id. */
export function toUserPersonId(userId: string): string {
  return USER + userId;
}

/** The person id of a device that never identified. */
export function toDevicePersonId(anonymousId: string): string {
  return anonymousId.startsWith(USER) || anonymousId.startsWith(DEVICE) ? DEVICE + anonymousId : anonymousId;
}

/**
 * What a person id names. A device id that has since identified still resolves, to
 * the user its latest events follow (see `resolvePerson`), so old links keep working.
 */
export function parsePersonId(personId: string): { userId: string } | { anonymousId: string } {
  if (personId.startsWith(USER)) return { userId: personId.slice(USER.length) };
  if (personId.startsWith(DEVICE)) return { anonymousId: personId.slice(DEVICE.length) };
  return { anonymousId: personId };
}
