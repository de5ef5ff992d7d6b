import { InvalidCursorError } from '../InvalidCursorError.js';
import { decodeDropoffCursor, encodeDropoffCursor } from './dropoffCursor.js';
import { forEachPersonPath } from './forEachPersonPath.js';
import type { JourneyIndex } from './JourneyIndex.js';
import type { PathPerson, PathPersonsQuery, PathPersonsResult } from './types.js';

/** Throws a RangeError when `at` is not a position of a path of `depth` names. */
export function checkPathPosition(query: Pick<PathPersonsQuery, 'at' | 'depth' | 'next'>): void {
  const { at, depth, next } = query;
  const last = next === undefined || next === null ? depth - 1 : depth - 2;
  if (!Number.isInteger(at) || at < 0 || at > last) {
    throw new RangeError(`at must be between 0 and ${last} for paths of ${depth} names`);
  }
}

/** True when a path (names) passes through the node or link the query names. */
function isOnIt(steps: ReadonlyArray<string>, left: boolean, query: PathPersonsQuery): boolean {
  if (steps[query.at] !== query.name) return false;
  if (query.next === undefined) return true;
  if (query.next === null) return left && steps.length === query.at + 1;
  return steps[query.at + 1] === query.next;
}

/**
 * The persons on a node or link of a paths answer, by person id, a page at a time: the
 * dashboard opens each one's timeline from here. Cursors are those of the drop-off
 * lists (the last person id of the page), with the same checks: a cursor that is not
 * one, or names nobody in the project, throws {@link InvalidCursorError}.
 */
export function getPathPersons(index: JourneyIndex, query: PathPersonsQuery): PathPersonsResult {
  checkPathPosition(query);
  const cursor = query.cursor === undefined ? undefined : decodeDropoffCursor(query.cursor);
  if (query.cursor !== undefined && (cursor === undefined || !index.hasPerson(cursor))) {
    throw new InvalidCursorError('not a path persons cursor: start again without one');
  }
  const names = index.names.values;
  const found: Array<{ personId: string; person: number; steps: string[]; left: boolean }> = [];
  forEachPersonPath(index, query, ({ names: path, left }, person) => {
    const steps = path.map((id) => names[id]!);
    if (isOnIt(steps, left, query)) found.push({ personId: index.personIdOf(person), person, steps, left });
  });
  found.sort((a, b) => (a.personId < b.personId ? -1 : a.personId > b.personId ? 1 : 0));
  const first = cursor === undefined ? 0 : found.findIndex((p) => p.personId > cursor);
  const rest = first === -1 ? [] : found.slice(first);
  const page = rest.slice(0, query.limit);
  return {
    persons: page.map(({ person, steps, left }): PathPerson => ({
      ...index.describePerson(person),
      steps,
      left,
    })),
    nextCursor: rest.length > query.limit ? encodeDropoffCursor(page[page.length - 1]!.personId) : null,
    total: found.length,
  };
}
