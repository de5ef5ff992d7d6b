// Brute-force references for the persons list and profile: written from the issue's
// definitions over the raw events, sharing no code with the engine.
import type { Event, PropertyValue } from '@parcours/schema';
import { referenceTimelines, type ReferencePerson } from './journeyReference.js';
import type { PersonsQuery, PersonSummary } from './personTypes.js';
import type { JourneyStage } from './types.js';

/** A person's latest traits: the properties of the identifies of their timeline, later ones winning. */
export function referenceTraits(person: ReferencePerson): Record<string, PropertyValue> {
  const traits: Record<string, PropertyValue> = {};
  for (const e of person.timeline) if (e.type === 'identify') Object.assign(traits, e.properties ?? {});
  return traits;
}

export function referenceSummary(person: ReferencePerson, map: JourneyStage[]): PersonSummary {
  const touchpoints = person.touchpoints;
  const channels: Array<string | null> = [];
  for (const e of touchpoints) if (!channels.includes(e.channel ?? null)) channels.push(e.channel ?? null);
  const hits = (e: Event, t: JourneyStage['touchpoints'][number]) =>
    e.name === t.name && (t.channel === undefined || e.channel === t.channel);
  return {
    personId: person.personId,
    anonymousIds: person.anonymousIds,
    userIds: person.userIds,
    firstSeen: touchpoints[0]!.timestamp,
    lastSeen: touchpoints[touchpoints.length - 1]!.timestamp,
    touchpoints: touchpoints.length,
    channels,
    stages: map
      .filter((stage) => touchpoints.some((e) => stage.touchpoints.some((t) => hits(e, t))))
      .map((stage) => stage.name),
  };
}

/** Every person matching the query's filters (persons with a touchpoint), fully sorted. */
export function referencePersonsList(
  events: Event[],
  query: Omit<PersonsQuery, 'limit' | 'cursor'>,
  map: JourneyStage[],
): PersonSummary[] {
  const inBounds = (t: number, b: { from?: number; to?: number } | undefined) =>
    b === undefined || ((b.from === undefined || t >= b.from) && (b.to === undefined || t <= b.to));
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  const rows = referenceTimelines(events)
    .filter((person) => person.touchpoints.length > 0)
    .filter((person) => {
      const s = referenceSummary(person, map);
      if (!inBounds(s.firstSeen, query.firstSeen) || !inBounds(s.lastSeen, query.lastSeen)) return false;
      if (query.channel !== undefined && !s.channels.includes(query.channel)) return false;
      if (query.stage !== undefined && !s.stages.includes(query.stage)) return false;
      if (query.property !== undefined) {
        const { name, value } = query.property;
        const onTouchpoint = person.touchpoints.some(
          (e) => e.properties?.[name] !== undefined && same(e.properties[name], value),
        );
        const trait = referenceTraits(person)[name];
        if (!onTouchpoint && !(trait !== undefined && same(trait, value))) return false;
      }
      if (query.search !== undefined) {
        const ids = [s.personId, ...s.anonymousIds, ...s.userIds];
        if (!ids.some((id) => id.startsWith(query.search!))) return false;
      }
      return true;
    })
    .map((person) => referenceSummary(person, map));
  const sort = query.sort ?? 'lastSeen';
  const key = (s: PersonSummary) =>
    sort === 'lastSeen'
      ? s.lastSeen
      : sort === 'firstSeen'
        ? s.firstSeen
        : sort === 'touchpoints'
          ? s.touchpoints
          : 0;
  const sign = (query.order ?? 'desc') === 'asc' ? 1 : -1;
  return rows.sort(
    (a, b) => sign * (key(a) - key(b) || (a.personId < b.personId ? -1 : a.personId > b.personId ? 1 : 0)),
  );
}
