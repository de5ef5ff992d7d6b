import fc from 'fast-check';
import type { Event, PropertyValue, SegmentDefinition } from '@parcours/schema';
import { describe, expect, it } from 'vitest';
import { getFunnel } from '../engine/getFunnel.js';
import { getPersons } from '../engine/getPersons.js';
import { referencePersonFunnel, referencePersons, type ReferencePerson } from '../engine/journeyReference.js';
import { referenceTraits } from '../engine/personsReference.js';
import type { FunnelQuery } from '../engine/types.js';
import { indexEvents, layoutArbitrary } from '../testing/indexEvents.js';
import { personsEventsArbitrary } from '../testing/personsWorld.js';
import { segmentArbitrary } from '../testing/segmentArbitraries.js';
import { compileSegment, type SegmentContext } from './compileSegment.js';
import { narrowIndex } from './narrowIndex.js';

/** Does the person match, from the definition's words, over their raw touchpoints. */
function referenceHolds(person: ReferencePerson, definition: SegmentDefinition): boolean {
  switch (definition.kind) {
    case 'and':
      return definition.conditions.every((c) => referenceHolds(person, c));
    case 'or':
      return definition.conditions.some((c) => referenceHolds(person, c));
    case 'trait':
      return referenceTraits(person)[definition.name] === definition.value;
    case 'did':
    case 'didNot': {
      const count = person.touchpoints.filter(
        (e) =>
          e.name === definition.name &&
          (definition.channel === undefined || e.channel === definition.channel) &&
          (definition.from === undefined || e.timestamp >= definition.from) &&
          (definition.to === undefined || e.timestamp <= definition.to) &&
          (definition.where === undefined ||
            (e.properties !== undefined &&
              definition.where.name in e.properties &&
              e.properties[definition.where.name] === definition.where.value)),
      ).length;
      return definition.kind === 'did' ? count >= (definition.minCount ?? 1) : count === 0;
    }
  }
}

/** Trait holders as the reference reads them (the store's trait cache is tested in the conformance suite). */
function referenceContext(events: Event[]): SegmentContext {
  return {
    findTraitHolders: (name: string, value: PropertyValue) =>
      new Set(
        referencePersons(events)
          .filter((person) => referenceTraits(person)[name] === value)
          .map((person) => person.personId),
      ),
  };
}

/** The persons world's names and channels over its thirteen steps of a second. */
const definitionArbitrary = segmentArbitrary({
  names: ['A', 'B', 'C'],
  channels: ['web', 'email', 'store'],
  from: 0,
  to: 12_000,
});

const funnel: FunnelQuery = { steps: [{ name: 'A' }, { name: 'B' }], windowMs: 6_000, now: 0 };

describe('compileSegment', () => {
  it('holds for a hand-worked world: did at least twice, did not in a channel, a trait, and/or', () => {
    const events: Event[] = [
      { id: '1', type: 'track', name: 'A', anonymousId: 'd1', timestamp: 1_000, channel: 'web' },
      { id: '2', type: 'track', name: 'A', anonymousId: 'd1', timestamp: 2_000, channel: 'email' },
      { id: '3', type: 'track', name: 'A', anonymousId: 'd2', timestamp: 1_000, channel: 'web' },
      {
        id: '4',
        type: 'identify',
        name: 'identify',
        anonymousId: 'd2',
        userId: 'u2',
        timestamp: 500,
        properties: { plan: 'pro' },
      },
      { id: '5', type: 'track', name: 'B', anonymousId: 'd3', timestamp: 3_000, properties: { plan: 'pro' } },
    ];
    const index = indexEvents(events);
    const members = (definition: SegmentDefinition) => {
      const holds = compileSegment(index, definition, referenceContext(events));
      const ids: string[] = [];
      index.forEachPerson((list, person) => holds(list, person) && ids.push(index.personIdOf(person)));
      return ids.sort();
    };
    expect(members({ kind: 'did', name: 'A', minCount: 2 })).toEqual(['d1']);
    expect(members({ kind: 'didNot', name: 'A', channel: 'email' })).toEqual(['d3', 'user:u2']);
    expect(members({ kind: 'trait', name: 'plan', value: 'pro' })).toEqual(['user:u2']);
    expect(members({ kind: 'did', name: 'B', where: { name: 'plan', value: 'pro' } })).toEqual(['d3']);
    expect(members({ kind: 'did', name: 'A', from: 1_500, to: 2_500 })).toEqual(['d1']);
    expect(
      members({
        kind: 'or',
        conditions: [
          { kind: 'trait', name: 'plan', value: 'pro' },
          {
            kind: 'and',
            conditions: [
              { kind: 'did', name: 'B' },
              { kind: 'didNot', name: 'A' },
            ],
          },
        ],
      }),
    ).toEqual(['d3', 'user:u2']);
  });

  it('draws segments that hold some persons and not others', () => {
    const samples = fc.sample(fc.tuple(personsEventsArbitrary, definitionArbitrary), {
      numRuns: 200,
      seed: 5,
    });
    const split = samples.filter(([events, definition]) => {
      const held = referencePersons(events).map((person) => referenceHolds(person, definition));
      return held.includes(true) && held.includes(false);
    });
    expect(split.length).toBeGreaterThan(40);
  });

  it(
    'holds the persons a brute-force reference holds, and narrows funnels and persons lists to them, on every index layout',
    { timeout: 60_000 },
    () => {
      fc.assert(
        fc.property(
          personsEventsArbitrary,
          definitionArbitrary,
          layoutArbitrary,
          (events, definition, layout) => {
            const index = indexEvents(events, layout);
            index.beginQuery();
            const holds = compileSegment(index, definition, referenceContext(events));
            const members = referencePersons(events).filter((person) => referenceHolds(person, definition));

            const found: string[] = [];
            index.forEachPerson(
              (list, person) => holds(list, person) && found.push(index.personIdOf(person)),
            );
            expect(found.sort()).toEqual(members.map((person) => person.personId).sort());

            const reached = members.map((person) => referencePersonFunnel(person, funnel).reached);
            const counts = funnel.steps.map((_, k) => reached.filter((r) => r > k).length);
            expect(getFunnel(narrowIndex(index, holds), funnel).steps.map((step) => step.count)).toEqual(
              counts,
            );

            const persons = getPersons(index, { limit: 5 }, { map: [], persons: holds });
            expect(persons.total).toBe(members.length);
          },
        ),
        { numRuns: 300 },
      );
    },
  );
});
