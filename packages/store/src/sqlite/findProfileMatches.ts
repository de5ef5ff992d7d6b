import type { PropertyValue } from '@parcours/schema';
import type { JourneyIndex } from '../engine/JourneyIndex.js';
import { toDevicePersonId, toUserPersonId } from '../personId.js';
import type { prepareGetTraitHolders } from './queries/getTraitHolders.js';

/**
 * The person ids whose latest value of `trait` (their identifies', oldest first, the
 * latest winning) equals `value`: what the persons list's property search adds to the
 * touchpoints that carry it. An identify with a user id is that user's; one without, a
 * never-identified device's. An identify without a user id on a device that has
 * identified is not placed here (it is on the person's profile, which follows the
 * device's links).
 */
export function findProfileMatches(
  getTraitHolders: ReturnType<typeof prepareGetTraitHolders>,
  index: JourneyIndex,
  query: { projectRowId: number; trait: string; value: PropertyValue },
): Set<string> {
  const latest = new Map<string, string>();
  for (const row of getTraitHolders(query.projectRowId, query.trait, index.lastSeq)) {
    let personId: string;
    if (row.userId !== null) personId = toUserPersonId(row.userId);
    else {
      personId = toDevicePersonId(row.anonymousId);
      if (index.findPerson(personId) === -1) continue;
    }
    latest.set(personId, row.value);
  }
  const wanted = JSON.stringify(query.value);
  const matches = new Set<string>();
  for (const [personId, value] of latest) if (value === wanted) matches.add(personId);
  return matches;
}
