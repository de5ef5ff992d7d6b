import type { DidCondition, DidNotCondition, PropertyValue, SegmentDefinition } from '@parcours/schema';
import type { JourneyIndex } from '../engine/JourneyIndex.js';
import { compileTouchpoint } from '../engine/matchTouchpoint.js';
import type { PersonPredicate } from '../engine/PersonPredicate.js';

/** What a segment needs beside the index: person properties are not in it. */
export interface SegmentContext {
  /** The ids of the persons whose latest identify trait `name` equals `value`. */
  findTraitHolders(name: string, value: PropertyValue): ReadonlySet<string>;
}

/**
 * A segment definition as a predicate over the journey index (see `PersonPredicate`):
 * names, channels and property values resolved to index ids once, each trait condition
 * to its set of persons once; then a person is tested by scanning their touchpoints,
 * stopping as soon as a count is reached. A condition on touchpoints looks at all of a
 * person's touchpoints, whatever the analysis's own range (its own `from`–`to` bound it).
 */
export function compileSegment(
  index: JourneyIndex,
  definition: SegmentDefinition,
  context: SegmentContext,
): PersonPredicate {
  switch (definition.kind) {
    case 'and': {
      const parts = definition.conditions.map((c) => compileSegment(index, c, context));
      return (events, person) => parts.every((part) => part(events, person));
    }
    case 'or': {
      const parts = definition.conditions.map((c) => compileSegment(index, c, context));
      return (events, person) => parts.some((part) => part(events, person));
    }
    case 'trait': {
      const holders = context.findTraitHolders(definition.name, definition.value);
      return (_events, person) => holders.has(index.personIdOf(person));
    }
    case 'did': {
      const matches = compileTouchpointCondition(index, definition);
      const wanted = definition.minCount ?? 1;
      return (events) => countMatches(events, matches, wanted) >= wanted;
    }
    case 'didNot': {
      const matches = compileTouchpointCondition(index, definition);
      return (events) => countMatches(events, matches, 1) === 0;
    }
  }
}

/** How many of `events` match, counting no further than `enough`. */
function countMatches(events: ReadonlyArray<number>, matches: (position: number) => boolean, enough: number) {
  let count = 0;
  for (let i = 0; i < events.length && count < enough; i++) if (matches(events[i]!)) count++;
  return count;
}

/** A test of one touchpoint position: name, channel, time range and property value. */
function compileTouchpointCondition(
  index: JourneyIndex,
  condition: DidCondition | DidNotCondition,
): (position: number) => boolean {
  const touchpoint = compileTouchpoint(
    index,
    condition.channel === undefined
      ? { name: condition.name }
      : { name: condition.name, channel: condition.channel },
  );
  const time = index.time.data;
  const from = condition.from ?? -Infinity;
  const to = condition.to ?? Infinity;
  const inRange = (p: number) => touchpoint(p) && time[p]! >= from && time[p]! <= to;
  if (condition.where === undefined) return inRange;
  const column = index.property(condition.where.name);
  const cell = index.findPropertyValue(column, condition.where.value);
  if (cell === -1) return () => false;
  const cells = column.column.data;
  return (p) => inRange(p) && cells[p] === cell;
}
