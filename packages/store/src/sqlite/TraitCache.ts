import type { PropertyValue } from '@parcours/schema';
import type { JourneyIndex } from '../engine/JourneyIndex.js';
import { toDevicePersonId, toUserPersonId } from '../personId.js';
import type { prepareGetTraitHolders } from './queries/getTraitHolders.js';

/** Traits whose latest values are kept per index; the least recently searched goes first. */
const MAX_TRAITS = 4;

interface TraitValues {
  /** The last row read for this trait. */
  lastSeq: number;
  /** Person id → their latest (time, arrival) identify carrying the trait. */
  latest: Map<string, { timestamp: number; seq: number; value: string }>;
}

/**
 * The latest value of a few traits for every person, kept beside one journey index and
 * caught up like it (rows after the last one read), so a trait search scans a project's
 * identifies once, then only what is new. An index rebuilt after an erasure is a new
 * object: its cache starts empty (a WeakMap key), so erased values go with it.
 */
export class TraitCache {
  private static readonly _caches = new WeakMap<JourneyIndex, TraitCache>();
  private readonly _traits = new Map<string, TraitValues>();

  /** The cache of this index, made on first use. */
  static of(index: JourneyIndex): TraitCache {
    let cache = TraitCache._caches.get(index);
    if (cache === undefined) TraitCache._caches.set(index, (cache = new TraitCache()));
    return cache;
  }

  /**
   * The person ids whose latest value of `trait` equals `value`. An identify with a
   * user id is that user's; one without, its device's, counted only while that device
   * is a person of its own (never identified). An identify without a user id on a
   * device that has identified is not placed (it is on the person's profile, which
   * follows the device's links).
   */
  findMatches(
    getTraitHolders: ReturnType<typeof prepareGetTraitHolders>,
    index: JourneyIndex,
    query: { projectRowId: number; trait: string; value: PropertyValue },
  ): Set<string> {
    let values = this._traits.get(query.trait);
    if (values === undefined) values = { lastSeq: 0, latest: new Map() };
    // Most recently searched last: Map iteration order is the eviction order.
    this._traits.delete(query.trait);
    this._traits.set(query.trait, values);
    if (this._traits.size > MAX_TRAITS) this._traits.delete(this._traits.keys().next().value!);

    const seqs = { after: values.lastSeq, upto: index.lastSeq };
    for (const row of getTraitHolders(query.projectRowId, query.trait, seqs)) {
      const personId = row.userId === null ? toDevicePersonId(row.anonymousId) : toUserPersonId(row.userId);
      const known = values.latest.get(personId);
      // Late rows may carry older times: the latest by (time, arrival) wins, not the last read.
      if (known !== undefined && known.timestamp > row.timestamp) continue;
      values.latest.set(personId, { timestamp: row.timestamp, seq: row.seq, value: row.value });
    }
    values.lastSeq = index.lastSeq;

    const wanted = JSON.stringify(query.value);
    const matches = new Set<string>();
    for (const [personId, { value }] of values.latest) {
      if (value !== wanted) continue;
      if (!personId.startsWith('user:') && index.findPerson(personId) === -1) continue;
      matches.add(personId);
    }
    return matches;
  }
}
