import { FirstRows } from './FirstRows.js';
import type { JourneyIndex } from './JourneyIndex.js';
import type { PersonPredicate } from './PersonPredicate.js';
import { encodePersonsCursor, readPersonsCursor } from './personsCursor.js';
import type { PersonsQuery, PersonsResult, TimeBounds } from './personTypes.js';
import { compileStages, summarisePerson } from './summarisePerson.js';
import type { JourneyStage } from './types.js';

/** What a persons list needs beside its query. */
export interface PersonsContext {
  /** The project's journey map: the `stage` filter and each row's stages reached. */
  map: ReadonlyArray<JourneyStage>;
  /**
   * Person ids whose profile (latest identify traits) has `query.property`: traits are
   * not in the index, the store finds them. Default: none.
   */
  profileMatches?: ReadonlySet<string>;
  /** Only these persons (a segment); default every person. */
  persons?: PersonPredicate;
}

interface Row {
  key: number;
  personId: string;
  person: number;
}

const within = (t: number, bounds: TimeBounds | undefined) =>
  bounds === undefined || ((bounds.from ?? -Infinity) <= t && t <= (bounds.to ?? Infinity));

/**
 * A page of the persons matching every filter of `query`, in its order, with the
 * total. One pass over the persons: filters on typed columns, ids built only for
 * persons that pass, the page kept in a bounded heap (see `FirstRows`). The cursor is a
 * position (sort key, person id), so pages do not repeat or skip a person who stays
 * put while events land; one whose key changes may move across pages.
 */
export function getPersons(index: JourneyIndex, query: PersonsQuery, context: PersonsContext): PersonsResult {
  const sort = query.sort ?? 'lastSeen';
  const order = query.order ?? 'desc';
  const cursor = readPersonsCursor(query);
  const direction = order === 'asc' ? 1 : -1;
  const compare = (a: Omit<Row, 'person'>, b: Omit<Row, 'person'>) =>
    direction * (a.key - b.key || (a.personId < b.personId ? -1 : a.personId > b.personId ? 1 : 0));

  const time = index.time.data;
  const channels = index.channel.data;
  const stages = compileStages(index, context.map);
  const channelCell = query.channel === undefined ? 0 : index.channels.find(query.channel) + 1;
  const stageTest =
    query.stage === undefined ? undefined : stages.find((stage) => stage.name === query.stage)?.test;
  const property = query.property === undefined ? undefined : index.property(query.property.name);
  const propertyCell = property === undefined ? 0 : index.findPropertyValue(property, query.property!.value);
  const search = query.search;

  const page = new FirstRows<Row>(query.limit, compare);
  let total = 0;
  let after = 0;
  // Filters that match nobody (an unknown channel or stage) skip the pass.
  const nobody =
    (query.channel !== undefined && channelCell === 0) || (query.stage !== undefined && !stageTest);
  if (!nobody) {
    index.forEachPerson((events, person) => {
      const first = time[events[0]!]!;
      const last = time[events[events.length - 1]!]!;
      if (!within(first, query.firstSeen) || !within(last, query.lastSeen)) return;
      if (channelCell !== 0 && !events.some((p) => channels[p] === channelCell)) return;
      if (stageTest !== undefined && !events.some(stageTest)) return;
      const personId = index.personIdOf(person);
      if (property !== undefined) {
        const cells = property.column.data;
        const onTouchpoint = propertyCell !== -1 && events.some((p) => cells[p] === propertyCell);
        if (!onTouchpoint && context.profileMatches?.has(personId) !== true) return;
      }
      if (search !== undefined && !matchesSearch(index, person, personId, search)) return;
      if (context.persons !== undefined && !context.persons(events, person)) return;
      total++;
      const key =
        sort === 'lastSeen'
          ? last
          : sort === 'firstSeen'
            ? first
            : sort === 'touchpoints'
              ? events.length
              : 0;
      const row = { key, personId, person };
      if (cursor !== undefined && compare(row, cursor) <= 0) return;
      after++;
      page.offer(row);
    });
  }

  const rows = page.sorted();
  return {
    persons: rows.map((row) => {
      let summary: PersonsResult['persons'][number] | undefined;
      index.visitPerson(row.person, (events) => {
        summary = summarisePerson(index, events, { key: row.person, stages });
      });
      return summary!;
    }),
    nextCursor:
      after > query.limit
        ? encodePersonsCursor({ sort, order, key: rows.at(-1)!.key, personId: rows.at(-1)!.personId })
        : null,
    total,
  };
}

/** A prefix of the person id, or of one of their anonymous or user ids. */
function matchesSearch(index: JourneyIndex, person: number, personId: string, search: string): boolean {
  if (personId.startsWith(search)) return true;
  const { anonymousIds, userIds } = index.describePerson(person);
  return anonymousIds.some((id) => id.startsWith(search)) || userIds.some((id) => id.startsWith(search));
}
