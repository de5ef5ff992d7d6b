import type { JourneyIndex } from '../engine/JourneyIndex.js';
import type { PersonPredicate } from '../engine/PersonPredicate.js';

/**
 * A view of `index` whose `forEachPerson` visits only the persons `persons` holds (a
 * segment); every other member is the index's own (the view's prototype is the index,
 * so columns, dictionaries and property columns are shared, never copied). Every
 * journey question is one `forEachPerson` pass, so each answers for the segment alone
 * without a parameter of its own.
 */
export function narrowIndex(index: JourneyIndex, persons: PersonPredicate): JourneyIndex {
  const view = Object.create(index) as JourneyIndex;
  view.forEachPerson = (visit) =>
    index.forEachPerson((events, person) => {
      if (persons(events, person)) visit(events, person);
    });
  return view;
}
