import { FRICTION_EXAMPLES, type FrictionCounts } from './frictionTypes.js';

/**
 * Counts one friction item: occurrences, distinct persons (a stamp: the last person
 * counted), and the smallest person ids as examples, whatever order persons come in.
 */
export class FrictionTally {
  occurrences = 0;
  persons = 0;
  private _last = -1;
  private readonly _examples: string[] = [];

  /** One occurrence for `person` (a key of `forEachPerson`), whose id `personId` gives. */
  add(person: number, personId: () => string): void {
    this.occurrences++;
    if (this._last === person) return;
    this._last = person;
    this.persons++;
    const id = personId();
    const examples = this._examples;
    if (examples.length === FRICTION_EXAMPLES && id >= examples[examples.length - 1]!) return;
    let at = examples.length;
    while (at > 0 && examples[at - 1]! > id) at--;
    examples.splice(at, 0, id);
    if (examples.length > FRICTION_EXAMPLES) examples.pop();
  }

  counts(): FrictionCounts {
    return { persons: this.persons, occurrences: this.occurrences, examples: [...this._examples] };
  }
}

/** Most persons first, then most occurrences, then `key` (names) in order; the first `limit`. */
export function rankFriction<T extends FrictionCounts>(
  items: T[],
  key: (item: T) => string,
  limit: number,
): T[] {
  return items
    .filter((item) => item.persons > 0)
    .sort(
      (a, b) =>
        b.persons - a.persons ||
        b.occurrences - a.occurrences ||
        (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0),
    )
    .slice(0, limit);
}
