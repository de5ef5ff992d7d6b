import fc from 'fast-check';
import type { Event } from '@parcours/schema';
import { describe, expect, it } from 'vitest';
import type { FrictionCounts, FrictionQuery, FrictionResult } from './frictionTypes.js';
import { getFriction } from './getFriction.js';
import { referencePersons } from './journeyReference.js';
import { indexEvents, layoutArbitrary } from '../testing/indexEvents.js';
import { maybe, personsEventsArbitrary } from '../testing/personsWorld.js';

const DAY = 86_400_000;

/** Items with their persons, occurrences and five smallest ids, ranked as the engine ranks them. */
function finish<T extends object>(found: Map<string, T & { who: string[] }>, limit: number) {
  return [...found]
    .map(([key, { who, ...item }]) => {
      const persons = [...new Set(who)].sort();
      const counts: FrictionCounts = {
        persons: persons.length,
        occurrences: who.length,
        examples: persons.slice(0, 5),
      };
      return { key, item: { ...item, ...counts } };
    })
    .filter(({ item }) => item.persons > 0)
    .sort(
      (a, b) =>
        b.item.persons - a.item.persons ||
        b.item.occurrences - a.item.occurrences ||
        (a.key < b.key ? -1 : 1),
    )
    .slice(0, limit)
    .map(({ item }) => item);
}

/** Friction from the words, person by person, with no shared code. */
function referenceFriction(events: Event[], query: FrictionQuery): FrictionResult {
  const limit = query.limit ?? 20;
  const persons = referencePersons(events).map((person) => ({
    id: person.personId,
    tps: person.touchpoints.filter(
      (e) => e.timestamp >= (query.from ?? -Infinity) && e.timestamp <= (query.to ?? Infinity),
    ),
  }));
  const loops = new Map<string, { from: string; via: string; who: string[] }>();
  const waits = new Map<string, number[]>();
  for (const { id, tps } of persons) {
    const collapsed = tps.map((e) => e.name).filter((n, i, all) => i === 0 || n !== all[i - 1]);
    for (let i = 2; i < collapsed.length; i++) {
      if (collapsed[i] !== collapsed[i - 2]) continue;
      const key = `${collapsed[i]}\0${collapsed[i - 1]}`;
      if (!loops.has(key)) loops.set(key, { from: collapsed[i]!, via: collapsed[i - 1]!, who: [] });
      loops.get(key)!.who.push(id);
    }
    for (let i = 1; i < tps.length; i++) {
      const key = `${tps[i - 1]!.name}\0${tps[i]!.name}`;
      waits.set(key, [...(waits.get(key) ?? []), tps[i]!.timestamp - tps[i - 1]!.timestamp]);
    }
  }
  const contacts = new Map<string, { name: string; channel: string | null; who: string[] }>();
  for (const ref of query.support ?? []) {
    const entry = { name: ref.name, channel: ref.channel ?? null, who: [] as string[] };
    for (const { id, tps } of persons) {
      const times = tps
        .filter((e) => e.name === ref.name && (ref.channel === undefined || e.channel === ref.channel))
        .map((e) => e.timestamp);
      for (let i = 1; i < times.length; i++) if (times[i]! - times[i - 1]! <= 7 * DAY) entry.who.push(id);
    }
    contacts.set(`${ref.name}\0${ref.channel ?? ''}`, entry);
  }
  const longWaits = new Map<
    string,
    { from: string; to: string; transitions: number; p90Ms: number; who: string[] }
  >();
  for (const [key, list] of waits) {
    const sorted = [...list].sort((a, b) => a - b);
    // Nearest rank: the smallest wait with at least 90% of the waits at or below it.
    const p90Ms = sorted.find((w) => sorted.filter((v) => v <= w).length >= 0.9 * sorted.length)!;
    const [a, b] = key.split('\0') as [string, string];
    const who: string[] = [];
    for (const { id, tps } of persons) {
      for (let i = 1; i < tps.length; i++) {
        const long = tps[i]!.timestamp - tps[i - 1]!.timestamp > p90Ms;
        if (long && tps[i - 1]!.name === a && tps[i]!.name === b) who.push(id);
      }
    }
    longWaits.set(key, { from: a, to: b, transitions: list.length, p90Ms, who });
  }
  return {
    loops: finish(loops, limit),
    repeatedContacts: finish(contacts, limit),
    longWaits: finish(longWaits, limit),
  };
}

/**
 * Five of the persons list's worlds side by side, C read as A (so that transitions
 * recur often enough for some waits to exceed their 90th percentile), steps two days
 * apart, with some hours' jitter.
 */
const eventsArbitrary = fc.array(personsEventsArbitrary, { minLength: 5, maxLength: 5 }).map((worlds) =>
  worlds.flatMap((events, w) =>
    events.map((e, i) => ({
      ...e,
      id: `${w}-${e.id}`,
      name: e.name === 'C' ? 'A' : e.name,
      timestamp: (e.timestamp / 1_000) * 2 * DAY + ((i * 7 + w) % 23) * 3_600_000,
    })),
  ),
);

const queryArbitrary = fc
  .record({
    from: maybe(fc.integer({ min: 0, max: 12 }), 40),
    to: maybe(fc.integer({ min: 0, max: 12 }), 40),
    support: fc.subarray([{ name: 'A' }, { name: 'B', channel: 'web' }, { name: 'Z' }], { minLength: 1 }),
    limit: maybe(fc.integer({ min: 1, max: 3 }), 30),
  })
  .map(({ from, to, support, limit }): FrictionQuery => ({
    ...(from !== null && { from: from * 2 * DAY }),
    ...(to !== null && { to: to * 2 * DAY + DAY }),
    support,
    ...(limit !== null && { limit }),
  }));

describe('friction', () => {
  it('finds a loop, a repeated contact and a long wait in a hand-worked world', () => {
    let n = 0;
    const at = (anonymousId: string, name: string, day: number): Event => ({
      id: `f${n++}`,
      type: 'track',
      name,
      anonymousId,
      timestamp: day * DAY,
    });
    const events = [
      // p1: Cart → Help → Cart → Help → Cart (loops Cart/Help twice, Help/Cart once).
      ...['Cart', 'Help', 'Cart', 'Help', 'Cart'].map((name, i) => at('p1', name, i)),
      // p2: Help on days 0 and 7 (a repeat: exactly 7 days counts), and 20 (not: 13 days later).
      at('p2', 'Help', 0),
      at('p2', 'Help', 7),
      at('p2', 'Help', 20),
    ];
    // Nine quick Cart → Pay (one day) and one slow (30 days): the slow one is above p90.
    for (let p = 0; p < 10; p++) events.push(at(`w${p}`, 'Cart', 0), at(`w${p}`, 'Pay', p === 9 ? 30 : 1));
    const result = getFriction(indexEvents(events), { support: [{ name: 'Help' }] });
    expect(result.loops).toEqual([
      { from: 'Cart', via: 'Help', persons: 1, occurrences: 2, examples: ['p1'] },
      { from: 'Help', via: 'Cart', persons: 1, occurrences: 1, examples: ['p1'] },
    ]);
    expect(result.repeatedContacts).toEqual([
      // p1 too: Help on days 1 and 3.
      { name: 'Help', channel: null, persons: 2, occurrences: 2, examples: ['p1', 'p2'] },
    ]);
    expect(result.longWaits).toContainEqual({
      from: 'Cart',
      to: 'Pay',
      transitions: 10,
      p90Ms: DAY,
      persons: 1,
      occurrences: 1,
      examples: ['w9'],
    });
  });

  it('draws worlds with every kind of friction', () => {
    const samples = fc.sample(fc.tuple(eventsArbitrary, queryArbitrary), { numRuns: 200, seed: 5 });
    const answers = samples.map(([events, query]) => referenceFriction(events, query));
    expect(answers.filter((a) => a.loops.length > 0).length).toBeGreaterThan(40);
    expect(answers.filter((a) => a.repeatedContacts.length > 0).length).toBeGreaterThan(40);
    expect(answers.filter((a) => a.longWaits.length > 0).length).toBeGreaterThan(40);
  });

  it('matches a brute-force reference, appended, mixed or compacted', { timeout: 60_000 }, () => {
    fc.assert(
      fc.property(eventsArbitrary, queryArbitrary, layoutArbitrary, (events, query, layout) => {
        expect(getFriction(indexEvents(events, layout), query)).toEqual(referenceFriction(events, query));
      }),
      { numRuns: 300 },
    );
  });
});
