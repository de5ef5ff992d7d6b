import type { JourneyIndex } from './JourneyIndex.js';
import type { PersonSummary } from './personTypes.js';
import { compileStages, summarisePerson } from './summarisePerson.js';
import type { JourneyStage } from './types.js';

/**
 * One person's summary (first and last seen, touchpoints, channels, stages reached),
 * by person id as `resolvePerson` gives it; undefined when the index has no touchpoint
 * of theirs. Walks that person's touchpoints only.
 */
export function getPersonSummary(
  index: JourneyIndex,
  personId: string,
  map: ReadonlyArray<JourneyStage>,
): PersonSummary | undefined {
  const person = index.findPerson(personId);
  if (person === -1) return undefined;
  let summary: PersonSummary | undefined;
  index.visitPerson(person, (events) => {
    summary = summarisePerson(index, events, { key: person, stages: compileStages(index, map) });
  });
  return summary;
}
