import { parsePersonId, toDevicePersonId, toUserPersonId } from '../personId.js';
import type { Person, PersonRef } from '../Store.js';
import type { IdentityChange } from './queries/getIdentityChanges.js';
import type { DeviceSegment } from './queries/getEventsInSegments.js';

/** The identity lookups person resolution needs (prepared statements of one project). */
export interface IdentityGraph {
  /** Devices with at least one stored event carrying this (trusted) user id. */
  getAnonymousIdsOfUserId(userId: string): string[];
  /** The user id of the device's latest event carrying one, if any. */
  getLatestUserIdOfAnonymousId(anonymousId: string): string | undefined;
  getIdentityChanges(anonymousId: string): IdentityChange[];
  hasAnonymousId(anonymousId: string): boolean;
}

/** A resolved person, and the device segments holding their events. */
export interface ResolvedPerson {
  person: Person;
  segments: DeviceSegment[];
}

const FIRST: [number, number] = [Number.MIN_SAFE_INTEGER, 0];
const LAST: [number, number] = [Number.MAX_SAFE_INTEGER, 0];

/**
 * Finds the person a ref names, by issue 13's rule (see `Person`): a user id is its
 * own person; a device that identified means its latest user; a device that never
 * did is its own person. Undefined when nobody has that id.
 */
export function resolvePerson(graph: IdentityGraph, ref: PersonRef): ResolvedPerson | undefined {
  const named = 'personId' in ref ? parsePersonId(ref.personId) : ref;
  if ('userId' in named) return resolveUser(graph, named.userId);
  const userId = graph.getLatestUserIdOfAnonymousId(named.anonymousId);
  if (userId !== undefined) return resolveUser(graph, userId);
  if (!graph.hasAnonymousId(named.anonymousId)) return undefined;
  const person = {
    id: toDevicePersonId(named.anonymousId),
    anonymousIds: [named.anonymousId],
    userIds: [],
  };
  return { person, segments: [{ anonymousId: named.anonymousId, from: FIRST, to: LAST }] };
}

/**
 * A user's segments of each device: from each change to them until the next change
 * (the first one reaching back to the device's first event).
 */
function resolveUser(graph: IdentityGraph, userId: string): ResolvedPerson | undefined {
  const anonymousIds = graph.getAnonymousIdsOfUserId(userId).sort();
  if (anonymousIds.length === 0) return undefined;
  const segments: DeviceSegment[] = [];
  for (const anonymousId of anonymousIds) {
    const changes = graph.getIdentityChanges(anonymousId);
    changes.forEach((change, i) => {
      if (change.userId !== userId) return;
      const next = changes[i + 1];
      segments.push({
        anonymousId,
        from: i === 0 ? FIRST : [change.timestamp, change.seq],
        to: next === undefined ? LAST : [next.timestamp, next.seq],
      });
    });
  }
  return { person: { id: toUserPersonId(userId), anonymousIds, userIds: [userId] }, segments };
}
