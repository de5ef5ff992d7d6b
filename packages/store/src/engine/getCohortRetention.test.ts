import fc from 'fast-check';
import type { Event } from '@parcours/schema';
import { describe, expect, it } from 'vitest';
import { getCohortRetention } from './getCohortRetention.js';
import { referencePersons } from './journeyReference.js';
import type { CohortRetentionQuery, CohortRetentionResult } from './retentionTypes.js';
import { indexEvents, layoutArbitrary } from '../testing/indexEvents.js';
import { maybe, personsEventsArbitrary } from '../testing/personsWorld.js';

const DAY = 86_400_000;
const HOUR = 3_600_000;
/** A Wednesday: cohorts start on the Monday before. */
const T0 = Date.UTC(2026, 5, 3);

/** The Monday 00:00 UTC on or before `t`, from the calendar. */
const mondayOf = (t: number) => {
  const date = new Date(t);
  const midnight = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
  return midnight - ((date.getUTCDay() + 6) % 7) * DAY;
};

/** Retention from the words, person by person, week by week. */
function referenceRetention(events: Event[], query: CohortRetentionQuery): CohortRetentionResult {
  const firstMonday = mondayOf(query.from);
  const weekCount = (mondayOf(query.to) - firstMonday) / (7 * DAY) + 1;
  const cohorts = Array.from({ length: weekCount }, (_, c) => ({
    week: new Date(firstMonday + c * 7 * DAY).toISOString().slice(0, 10),
    persons: 0,
    returned: Array.from({ length: weekCount - c }, () => 0),
  }));
  for (const person of referencePersons(events)) {
    const first = Math.min(...person.touchpoints.map((e) => e.timestamp));
    if (first < query.from || first > query.to) continue;
    const cohort = cohorts[(mondayOf(first) - firstMonday) / (7 * DAY)]!;
    cohort.persons++;
    cohort.returned[0]!++;
    for (let week = 1; week < cohort.returned.length; week++) {
      const start = mondayOf(first) + week * 7 * DAY;
      const back = person.touchpoints.some(
        (e) =>
          e.timestamp >= start &&
          e.timestamp < start + 7 * DAY &&
          e.timestamp <= query.to &&
          (query.returning === undefined ||
            (e.name === query.returning.name &&
              (query.returning.channel === undefined || e.channel === query.returning.channel))),
      );
      if (back) cohort.returned[week]!++;
    }
  }
  const curve = Array.from({ length: weekCount }, (_, week) => {
    const reached = cohorts.filter((cohort) => cohort.returned.length > week);
    const persons = reached.reduce((sum, cohort) => sum + cohort.persons, 0);
    const returned = reached.reduce((sum, cohort) => sum + cohort.returned[week]!, 0);
    return { week, persons, returned, share: persons === 0 ? 0 : returned / persons };
  });
  return { cohorts, curve };
}

/** The persons list's small worlds (shared devices, late links), their 13 steps 3.5 days apart: seven weeks. */
const eventsArbitrary = personsEventsArbitrary.map((events) =>
  events.map((e) => ({ ...e, timestamp: T0 - 2 * DAY + (e.timestamp / 1_000) * 3.5 * DAY })),
);

const queryArbitrary = fc
  .record({
    from: fc.integer({ min: -2, max: 12 }),
    days: fc.integer({ min: 0, max: 30 }),
    returning: maybe(
      fc.constantFrom({ name: 'B' }, { name: 'B', channel: 'store' }, { name: 'Nothing' }),
      50,
    ),
  })
  .map(({ from, days, returning }): CohortRetentionQuery => ({
    from: T0 + from * DAY,
    to: T0 + (from + days) * DAY + 12 * HOUR,
    ...(returning !== null && { returning }),
  }));

describe('cohort retention', () => {
  it('counts a hand-worked world: cohorts by first week, each person once a week, up to `to`', () => {
    const at = (device: string, day: number, name = 'Visit'): Event => ({
      id: `${device}-${day}-${name}`,
      type: 'track',
      name,
      anonymousId: device,
      timestamp: T0 + day * DAY,
    });
    const events = [
      // Week of 1 June: a (back in weeks 1 and 2, twice in week 1), b (never back).
      at('a', 0),
      at('a', 7),
      at('a', 8, 'Purchase'),
      at('a', 14, 'Purchase'),
      at('b', 1),
      // Week of 8 June: c, back in week 1; its week-2 visit is after `to`.
      at('c', 6),
      at('c', 13),
      at('c', 21),
      // First seen before the range: no cohort.
      at('d', -10),
      at('d', 0),
    ];
    const query = { from: T0 - 2 * DAY, to: T0 + 15 * DAY };
    const result = getCohortRetention(indexEvents(events), query);
    expect(result.cohorts).toEqual([
      { week: '2026-06-01', persons: 2, returned: [2, 1, 1] },
      { week: '2026-06-08', persons: 1, returned: [1, 1] },
      { week: '2026-06-15', persons: 0, returned: [0] },
    ]);
    expect(result.curve.map((p) => [p.week, p.persons, p.returned])).toEqual([
      [0, 3, 3],
      [1, 3, 2],
      [2, 2, 1],
    ]);
    const purchases = getCohortRetention(indexEvents(events), { ...query, returning: { name: 'Purchase' } });
    expect(purchases.cohorts.map((c) => c.returned)).toEqual([[2, 1, 1], [1, 0], [0]]);
  });

  it('refuses a range that ends before it starts or spans more than 53 weeks', () => {
    const index = indexEvents([]);
    expect(() => getCohortRetention(index, { from: T0, to: T0 - 1 })).toThrow(RangeError);
    expect(() => getCohortRetention(index, { from: T0, to: T0 + 53 * 7 * DAY })).toThrow(/53 weeks/);
  });

  it('draws worlds where people come back', () => {
    const samples = fc.sample(fc.tuple(eventsArbitrary, queryArbitrary), { numRuns: 200, seed: 11 });
    const backs = samples.filter(([events, query]) =>
      referenceRetention(events, query).curve.some((p) => p.week > 0 && p.returned > 0),
    );
    expect(backs.length).toBeGreaterThan(40);
  });

  it('matches a brute-force reference, appended, mixed or compacted', { timeout: 60_000 }, () => {
    fc.assert(
      fc.property(eventsArbitrary, queryArbitrary, layoutArbitrary, (events, query, layout) => {
        expect(getCohortRetention(indexEvents(events, layout), query)).toEqual(
          referenceRetention(events, query),
        );
      }),
      { numRuns: 300 },
    );
  });
});
