import fc from 'fast-check';
import type { Event } from '@parcours/schema';
import { describe, expect, it } from 'vitest';
import { InvalidCursorError } from '../InvalidCursorError.js';
import { getPersons } from './getPersons.js';
import { getPersonSummary } from './getPersonSummary.js';
import type { JourneyIndex } from './JourneyIndex.js';
import { indexEvents, layoutArbitrary } from '../testing/indexEvents.js';
import { referenceTimelines } from './journeyReference.js';
import type { PersonsQuery } from './personTypes.js';
import { maybe, personsEventsArbitrary as eventsArbitrary } from '../testing/personsWorld.js';
import { referencePersonsList, referenceSummary, referenceTraits } from './personsReference.js';
import type { JourneyStage } from './types.js';

const MAP: JourneyStage[] = [
  { name: 'first', touchpoints: [{ name: 'A' }] },
  {
    name: 'second',
    touchpoints: [
      { name: 'B', channel: 'web' },
      { name: 'C', channel: 'store' },
    ],
  },
  { name: 'never', touchpoints: [{ name: 'Z' }] },
];

const bounds = maybe(
  fc
    .record({
      from: maybe(fc.integer({ min: 0, max: 12 }), 60),
      to: maybe(fc.integer({ min: 0, max: 12 }), 60),
    })
    .map(({ from, to }) => ({
      ...(from !== null && { from: from * 1_000 }),
      ...(to !== null && { to: to * 1_000 }),
    })),
  30,
);

const queryArbitrary = fc
  .record({
    search: maybe(fc.constantFrom('d', 'd1', 'user:', 'user:u2', 'u1', 'x'), 30),
    property: maybe(
      fc.constantFrom('free', 'pro').map((value) => ({ name: 'plan', value })),
      25,
    ),
    channel: maybe(fc.constantFrom('web', 'email', 'store', 'fax'), 25),
    stage: maybe(fc.constantFrom('first', 'second', 'never', 'unknown'), 25),
    firstSeen: bounds,
    lastSeen: bounds,
    sort: fc.constantFrom('lastSeen', 'firstSeen', 'touchpoints', 'personId' as const),
    order: fc.constantFrom('asc', 'desc' as const),
    limit: fc.integer({ min: 1, max: 4 }),
  })
  .map((q) => Object.fromEntries(Object.entries(q).filter(([, v]) => v !== null)) as unknown as PersonsQuery);

/** What the store hands the engine for a property: persons whose latest traits hold it. */
function profileMatchesOf(events: Event[], query: PersonsQuery): Set<string> {
  if (query.property === undefined) return new Set();
  const { name, value } = query.property;
  return new Set(
    referenceTimelines(events)
      .filter((person) => JSON.stringify(referenceTraits(person)[name]) === JSON.stringify(value))
      .map((person) => person.personId),
  );
}

/** Every page, following each `nextCursor` until null. */
function allPages(index: JourneyIndex, events: Event[], query: PersonsQuery) {
  const context = { map: MAP, profileMatches: profileMatchesOf(events, query) };
  const pages = [getPersons(index, query, context)];
  while (pages.at(-1)!.nextCursor !== null && pages.length < 100) {
    pages.push(getPersons(index, { ...query, cursor: pages.at(-1)!.nextCursor! }, context));
  }
  return pages;
}

describe('persons list against a brute-force reference', () => {
  it('draws queries that list several pages and queries that list nobody', () => {
    const samples = fc.sample(fc.tuple(eventsArbitrary, queryArbitrary), { numRuns: 300, seed: 3 });
    const sizes = samples.map(([events, query]) => referencePersonsList(events, query, MAP).length);
    expect(sizes.filter((n) => n > 4).length).toBeGreaterThan(30);
    expect(sizes.filter((n) => n === 0).length).toBeGreaterThan(30);
  });

  it('pages, followed by their cursors, list exactly the matching persons in order, each once', () => {
    fc.assert(
      fc.property(eventsArbitrary, queryArbitrary, layoutArbitrary, (events, query, layout) => {
        const expected = referencePersonsList(events, query, MAP);
        const pages = allPages(indexEvents(events, layout), events, query);
        for (const page of pages) {
          expect(page.total).toBe(expected.length);
          expect(page.persons.length).toBeLessThanOrEqual(query.limit);
        }
        // A page is full unless it is the last one.
        for (const page of pages.slice(0, -1)) expect(page.persons.length).toBe(query.limit);
        expect(pages.flatMap((page) => page.persons)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  }, 60_000);

  it('a segment (person predicate) narrows the list to its persons', () => {
    fc.assert(
      fc.property(eventsArbitrary, queryArbitrary, layoutArbitrary, (events, query, layout) => {
        const index = indexEvents(events, layout);
        // Persons with an even number of touchpoints: any rule of the person's events.
        const persons = (list: ReadonlyArray<number>) => list.length % 2 === 0;
        const context = { map: MAP, profileMatches: profileMatchesOf(events, query), persons };
        const result = getPersons(index, { ...query, limit: 1_000 }, context);
        const expected = referencePersonsList(events, query, MAP).filter((p) => p.touchpoints % 2 === 0);
        expect(result.persons).toEqual(expected);
        expect(result.total).toBe(expected.length);
      }),
      { numRuns: 200 },
    );
  }, 60_000);

  it("a person's summary matches the reference, and persons without touchpoints have none", () => {
    fc.assert(
      fc.property(eventsArbitrary, layoutArbitrary, (events, layout) => {
        const index = indexEvents(events, layout);
        for (const person of referenceTimelines(events)) {
          const summary = getPersonSummary(index, person.personId, MAP);
          if (person.touchpoints.length === 0) expect(summary).toBeUndefined();
          else expect(summary).toEqual(referenceSummary(person, MAP));
        }
      }),
      { numRuns: 200 },
    );
  }, 60_000);

  it('refuses garbage cursors and cursors of another order', () => {
    const events: Event[] = ['a', 'b', 'c'].map((d, i) => ({
      id: d,
      type: 'track',
      name: 'A',
      anonymousId: d,
      timestamp: i,
    }));
    const index = indexEvents(events);
    const first = getPersons(index, { limit: 1 }, { map: MAP });
    expect(first.persons.map((p) => p.personId)).toEqual(['c']);
    expect(first.nextCursor).not.toBeNull();
    const next = getPersons(index, { limit: 1, cursor: first.nextCursor! }, { map: MAP });
    expect(next.persons.map((p) => p.personId)).toEqual(['b']);
    for (const cursor of ['garbage', 'p1.!!', `${first.nextCursor!}x`]) {
      expect(() => getPersons(index, { limit: 1, cursor }, { map: MAP })).toThrow(InvalidCursorError);
    }
    expect(() =>
      getPersons(index, { limit: 1, order: 'asc', cursor: first.nextCursor! }, { map: MAP }),
    ).toThrow(InvalidCursorError);
  });
});
