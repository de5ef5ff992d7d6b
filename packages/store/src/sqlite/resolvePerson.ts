import type { Person, PersonRef } from '../Store.js';

/** The identity-graph lookups person resolution needs. */
export interface IdentityGraph {
  getUserIdsOfAnonymousId(anonymousId: string): string[];
  getAnonymousIdsOfUserId(userId: string): string[];
  hasAnonymousId(anonymousId: string): boolean;
}

/**
 * Walks the identity graph from one id to every id linked to it, transitively:
 * a device that logged in as two users joins them, and so on. Undefined when the
 * id has never been seen.
 */
export function resolvePerson(graph: IdentityGraph, ref: PersonRef): Person | undefined {
  const anonymousIds = new Set<string>();
  const userIds = new Set<string>();
  const anonymousQueue: string[] = [];
  const userQueue: string[] = [];
  if ('userId' in ref) {
    userIds.add(ref.userId);
    userQueue.push(ref.userId);
  } else {
    const anonymousId = 'anonymousId' in ref ? ref.anonymousId : ref.personId;
    anonymousIds.add(anonymousId);
    anonymousQueue.push(anonymousId);
  }
  const visit = (found: string[], seen: Set<string>, queue: string[]) => {
    for (const id of found) {
      if (seen.has(id)) continue;
      seen.add(id);
      queue.push(id);
    }
  };
  while (anonymousQueue.length > 0 || userQueue.length > 0) {
    const anonymousId = anonymousQueue.pop();
    if (anonymousId !== undefined) visit(graph.getUserIdsOfAnonymousId(anonymousId), userIds, userQueue);
    const userId = userQueue.pop();
    if (userId !== undefined) visit(graph.getAnonymousIdsOfUserId(userId), anonymousIds, anonymousQueue);
  }
  if (anonymousIds.size === 0) return undefined; // a user id nobody ever sent
  const sortedAnonymousIds = [...anonymousIds].sort();
  if (userIds.size === 0 && !graph.hasAnonymousId(sortedAnonymousIds[0]!)) return undefined;
  return { id: sortedAnonymousIds[0]!, anonymousIds: sortedAnonymousIds, userIds: [...userIds].sort() };
}
