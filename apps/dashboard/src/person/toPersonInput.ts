import type { PersonLookup } from './getPersonLookup.js';

/**
 * Most touchpoints fetched for one person. The API allows 10,000; a few thousand rows
 * is already more than anyone reads, and keeps the page quick. Beyond it the page
 * says the timeline was cut.
 */
export const TIMELINE_LIMIT = 2_000;

/** The input of `journeys.person` for a lookup: exactly one id, as the API requires. */
export function toPersonInput(projectId: string, lookup: PersonLookup) {
  const base = { projectId, limit: TIMELINE_LIMIT };
  switch (lookup.kind) {
    case 'userId':
      return { ...base, userId: lookup.value };
    case 'anonymousId':
      return { ...base, anonymousId: lookup.value };
    case 'personId':
      return { ...base, personId: lookup.value };
  }
}
