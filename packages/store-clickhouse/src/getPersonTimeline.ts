import type { ClickHouseClient } from '@clickhouse/client';
import type { Person, PersonRef, PersonTimeline } from '@parcours/store';
import { fromVisibleEvents } from './fromVisibleEvents.js';
import { resolvePerson } from './resolvePerson.js';
import { quoteInteger, quoteString } from './sqlLiteral.js';
import { EVENT_COLUMNS as COLUMNS, toStoredEvent as toEvent, type EventRow } from './toStoredEvent.js';

type Target = { database: string; projectId: string };

/**
 * SQL of a resolved person's events, every column of `COLUMNS`: each of their devices'
 * events assigned as `selectPersonRows` assigns touchpoints (identifies included), so
 * only the person's devices are read.
 */
export function selectPersonEvents(target: Target, person: Person): string {
  const user = person.userIds[0];
  const devices = `anonymous_id IN (${person.anonymousIds.map(quoteString).join(', ')})`;
  const owned = user === undefined ? '1' : `links[greatest(link_count, 1)] = ${quoteString(user)}`;
  const userColumn = COLUMNS.indexOf('user_id') + 1;
  return `SELECT ${COLUMNS.map((column, i) => `tupleElement(event, ${i + 1}) AS ${column}`).join(', ')}
      FROM (
        SELECT anonymous_id,
          arraySort(groupArray((${COLUMNS.join(', ')}))) AS device_events,
          arrayFilter(u -> u != '', arrayMap(x -> tupleElement(x, ${userColumn}), device_events)) AS links,
          arrayCumSum(arrayMap(x -> tupleElement(x, ${userColumn}) != '', device_events)) AS link_counts
        FROM ${fromVisibleEvents(target)} AND ${devices}
        GROUP BY anonymous_id
      )
      ARRAY JOIN device_events AS event, link_counts AS link_count
      WHERE ${owned}`;
}

/**
 * A person's cross-channel timeline with identities merged, earliest first (ties in
 * arrival order), at most `options.limit` events (`truncated` says when cut; the
 * default limit is a rule above the engines). Identifies are in it, as on SQLite.
 * Only the person's events (one more than the limit) leave ClickHouse. Undefined when unknown.
 */
export async function getPersonTimeline(
  client: ClickHouseClient,
  target: Target,
  ref: PersonRef,
  options: { limit: number },
): Promise<PersonTimeline | undefined> {
  const person = await resolvePerson(client, target, ref);
  if (person === undefined) return undefined;
  const result = await client.query({
    query: `${selectPersonEvents(target, person)}
      ORDER BY timestamp, arrival
      LIMIT ${quoteInteger(options.limit + 1)}`,
    format: 'JSONEachRow',
  });
  const events = (await result.json<EventRow>()).map(toEvent);
  const truncated = events.length > options.limit;
  if (truncated) events.length = options.limit;
  return { person, events, truncated };
}
