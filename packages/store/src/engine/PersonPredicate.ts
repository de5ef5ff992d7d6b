/**
 * Which persons an analysis counts: called once per person with the index positions
 * of their touchpoints (time order) and their unique key, as `JourneyIndex.forEachPerson`
 * gives them. A segment compiles to one (`segments/compileSegment.ts`); no predicate
 * means every person.
 */
export type PersonPredicate = (events: ReadonlyArray<number>, person: number) => boolean;
