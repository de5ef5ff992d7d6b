import type { ClickHouseClient } from '@clickhouse/client';
import type { Properties } from '@parcours/schema';
import {
  mergeTraits,
  type IdentityLink,
  type JourneyStage,
  type Person,
  type PersonProfile,
  type PersonRef,
} from '@parcours/store';
import { fromVisibleEvents } from './fromVisibleEvents.js';
import { selectPersonEvents } from './getPersonTimeline.js';
import { resolvePerson } from './resolvePerson.js';
import { selectPersonSummaries, toPersonSummary, type PersonSummaryRow } from './selectPersonSummaries.js';
import { quoteString } from './sqlLiteral.js';

type Target = { database: string; projectId: string };

const ask = async <T>(client: ClickHouseClient, query: string) =>
  (await client.query({ query, format: 'JSONEachRow' })).json<T>();

/**
 * The identity graph of a user: for each of their devices (in `person.anonymousIds`
 * order), each event carrying a user id where the device's user changes to this one,
 * in (time, arrival) order, as `getIdentityChanges` reads it on SQLite.
 */
async function getIdentityLinks(client: ClickHouseClient, target: Target, person: Person) {
  const [userId] = person.userIds;
  if (userId === undefined) return [];
  const rows = await ask<{
    anonymous_id: string;
    timestamp: string;
    user_id: string;
    id: string;
    type: string;
    name: string;
  }>(
    client,
    `SELECT anonymous_id, timestamp, user_id, id, type, name
     FROM ${fromVisibleEvents(target)}
       AND anonymous_id IN (${person.anonymousIds.map(quoteString).join(', ')}) AND user_id != ''
     ORDER BY anonymous_id, timestamp, arrival`,
  );
  const links: IdentityLink[] = [];
  for (const anonymousId of person.anonymousIds) {
    let previous: string | undefined;
    for (const row of rows) {
      if (row.anonymous_id !== anonymousId) continue;
      if (row.user_id === userId && previous !== userId) {
        links.push({
          anonymousId,
          userId,
          timestamp: Number(row.timestamp),
          eventId: row.id,
          eventType: row.type as IdentityLink['eventType'],
          eventName: row.name,
        });
      }
      previous = row.user_id;
    }
  }
  return links;
}

/**
 * A person's page, computed inside ClickHouse: their summary (as a persons list shows
 * it, `stages` read against the caller's map), their latest traits (the properties of
 * the identifies of their timeline, the latest value of each winning) and the identity
 * graph. Undefined for nobody known or a person without a touchpoint, as on SQLite.
 * Only this person's figures, identifies and links leave ClickHouse.
 */
export async function getPersonProfile(
  client: ClickHouseClient,
  target: Target,
  ref: PersonRef,
  stages: ReadonlyArray<JourneyStage>,
): Promise<PersonProfile | undefined> {
  const person = await resolvePerson(client, target, ref);
  if (person === undefined) return undefined;
  const [userId] = person.userIds;
  const key = userId === undefined ? `d:${person.anonymousIds[0]!}` : `u:${userId}`;
  const [[summary], identifies, links] = await Promise.all([
    ask<PersonSummaryRow>(
      client,
      `SELECT * FROM (${selectPersonSummaries(target, stages, { devices: person.anonymousIds })})
       WHERE person = ${quoteString(key)}`,
    ),
    ask<{ timestamp: string; properties: string }>(
      client,
      `SELECT timestamp, properties FROM (${selectPersonEvents(target, person)})
       WHERE type = 'identify' AND properties != ''
       ORDER BY timestamp, arrival`,
    ),
    getIdentityLinks(client, target, person),
  ]);
  if (summary === undefined) return undefined;
  const traits = mergeTraits(
    identifies.map((row) => ({
      timestamp: Number(row.timestamp),
      properties: JSON.parse(row.properties) as Properties,
    })),
  );
  return {
    ...toPersonSummary(summary, { anonymousIds: person.anonymousIds, userIds: person.userIds }, stages),
    ...traits,
    links,
  };
}
