import type { ClickHouseClient } from '@clickhouse/client';
import {
  parsePersonId,
  toDevicePersonId,
  toUserPersonId,
  type Person,
  type PersonRef,
  type PersonTimeline,
} from '@parcours/store';
import { quoteDatabaseName, quoteInteger, quoteString } from './sqlLiteral.js';
import { EVENT_COLUMNS as COLUMNS, toStoredEvent as toEvent, type EventRow } from './toStoredEvent.js';

type Target = { database: string; projectId: string };

/**
 * Finds the person a ref names, by the rule of `Person`: a user id is its own person
 * (undefined when no event carries it); a device means the user of its latest event
 * carrying a user id, or, if it never identified, itself (undefined when unknown).
 */
async function resolvePerson(
  client: ClickHouseClient,
  target: Target,
  ref: PersonRef,
): Promise<Person | undefined> {
  const named = 'personId' in ref ? parsePersonId(ref.personId) : ref;
  const events = `${quoteDatabaseName(target.database)}.events FINAL`;
  const project = `project_id = ${quoteString(target.projectId)}`;
  const ask = async <T>(query: string) => (await client.query({ query, format: 'JSONEachRow' })).json<T>();
  let userId: string | undefined;
  if ('userId' in named) userId = named.userId;
  else {
    const device = quoteString(named.anonymousId);
    const [latest] = await ask<{ user_id: string }>(
      `SELECT user_id FROM ${events} WHERE ${project} AND anonymous_id = ${device} AND user_id != ''
       ORDER BY timestamp DESC, arrival DESC LIMIT 1`,
    );
    userId = latest?.user_id;
    if (userId === undefined) {
      const [known] = await ask<{ n: string }>(
        `SELECT count() AS n FROM (SELECT 1 FROM ${events} WHERE ${project} AND anonymous_id = ${device} LIMIT 1)`,
      );
      if (Number(known!.n) === 0) return undefined;
      return { id: toDevicePersonId(named.anonymousId), anonymousIds: [named.anonymousId], userIds: [] };
    }
  }
  const [linked] = await ask<{ devices: string[] }>(
    `SELECT groupUniqArray(anonymous_id) AS devices FROM ${events} WHERE ${project} AND user_id = ${quoteString(userId)}`,
  );
  const anonymousIds = (linked?.devices ?? []).sort();
  if (anonymousIds.length === 0) return undefined;
  return { id: toUserPersonId(userId), anonymousIds, userIds: [userId] };
}

/**
 * A person's cross-channel timeline with identities merged, earliest first (ties in
 * arrival order), at most `options.limit` events (`truncated` says when cut; the
 * default limit is a rule above the engines). Identifies are in it, as on SQLite. Each
 * device's events are assigned as `selectPersonRows` assigns touchpoints; only the
 * person's events (one more than the limit) leave ClickHouse. Undefined when unknown.
 */
export async function getPersonTimeline(
  client: ClickHouseClient,
  target: Target,
  ref: PersonRef,
  options: { limit: number },
): Promise<PersonTimeline | undefined> {
  const person = await resolvePerson(client, target, ref);
  if (person === undefined) return undefined;
  const db = quoteDatabaseName(target.database);
  const project = `project_id = ${quoteString(target.projectId)}`;
  const user = person.userIds[0];
  const devices =
    user === undefined
      ? `anonymous_id = ${quoteString(person.anonymousIds[0]!)}`
      : `anonymous_id IN (SELECT anonymous_id FROM ${db}.events WHERE ${project} AND user_id = ${quoteString(user)})`;
  const owned = user === undefined ? '1' : `links[greatest(link_count, 1)] = ${quoteString(user)}`;
  const userColumn = COLUMNS.indexOf('user_id') + 1;
  const result = await client.query({
    query: `SELECT ${COLUMNS.map((column, i) => `tupleElement(event, ${i + 1}) AS ${column}`).join(', ')}
      FROM (
        SELECT anonymous_id,
          arraySort(groupArray((${COLUMNS.join(', ')}))) AS device_events,
          arrayFilter(u -> u != '', arrayMap(x -> tupleElement(x, ${userColumn}), device_events)) AS links,
          arrayCumSum(arrayMap(x -> tupleElement(x, ${userColumn}) != '', device_events)) AS link_counts
        FROM ${db}.events FINAL
        WHERE ${project} AND ${devices}
        GROUP BY anonymous_id
      )
      ARRAY JOIN device_events AS event, link_counts AS link_count
      WHERE ${owned}
      ORDER BY timestamp, arrival
      LIMIT ${quoteInteger(options.limit + 1)}`,
    format: 'JSONEachRow',
  });
  const events = (await result.json<EventRow>()).map(toEvent);
  const truncated = events.length > options.limit;
  if (truncated) events.length = options.limit;
  return { person, events, truncated };
}
