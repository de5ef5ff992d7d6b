import fc from 'fast-check';
import type { Event } from '@parcours/schema';
import { JourneyIndex } from '../engine/JourneyIndex.js';

/**
 * How an index holds its touchpoints when a test asks it: as appended (none
 * compacted), mixed (compacted runs and touchpoints appended since, as a long-lived
 * index has), or all compacted (as a restored snapshot has). Answers must not depend on it.
 */
export type IndexLayout = 'appended' | 'mixed' | 'compacted';

export const layoutArbitrary: fc.Arbitrary<IndexLayout> = fc.constantFrom('appended', 'mixed', 'compacted');

/** `append` compacts this often in the mixed layouts: after every few touchpoints. */
const MIXED_COMPACT_AFTER = 2;

/** An index of `events` (in arrival order) whose property loader reads them, as the store's does. */
export function indexEvents(events: readonly Event[], layout: IndexLayout = 'appended'): JourneyIndex {
  const index = createTestIndex(events, layout);
  for (const event of events) index.append(event);
  if (layout === 'compacted') index.compact();
  return index;
}

/**
 * An empty index for `events`, to append them (or a first part of them) by hand:
 * its property loader reads the touchpoints appended so far, in arrival order.
 */
export function createTestIndex(events: readonly Event[], layout: IndexLayout = 'appended'): JourneyIndex {
  const touchpoints = events.filter((e) => e.type !== 'identify');
  const index: JourneyIndex = new JourneyIndex(
    (property) =>
      touchpoints.slice(0, index.eventCount).map((e) => {
        const value = e.properties?.[property];
        return value === undefined ? undefined : JSON.stringify(value);
      }),
    layout === 'appended'
      ? { compactAfter: Number.POSITIVE_INFINITY }
      : { compactAfter: MIXED_COMPACT_AFTER },
  );
  return index;
}
