import type { ClickHouseClient } from '@clickhouse/client';
import {
  parsePersonId,
  toDevicePersonId,
  toUserPersonId,
  type Person,
  type PersonRef,
} from '@parcours/store';
import { fromVisibleEvents } from './fromVisibleEvents.js';
import { quoteString } from './sqlLiteral.js';

type Target = { database: string; projectId: string };

/**
 * Finds the person a ref names, by the rule of `Person`: a user id is its own person
 * (undefined when no event carries it); a device means the user of its latest event
 * carrying a user id, or, if it never identified, itself (undefined when unknown).
 * Devices sorted as the SQLite engine sorts them.
 */
export async function resolvePerson(
  client: ClickHouseClient,
  target: Target,
  ref: PersonRef,
): Promise<Person | undefined> {
  const named = 'personId' in ref ? parsePersonId(ref.personId) : ref;
  const events = fromVisibleEvents(target);
  const ask = async <T>(query: string) => (await client.query({ query, format: 'JSONEachRow' })).json<T>();
  let userId: string | undefined;
  if ('userId' in named) userId = named.userId;
  else {
    const device = quoteString(named.anonymousId);
    const [latest] = await ask<{ user_id: string }>(
      `SELECT user_id FROM ${events} AND anonymous_id = ${device} AND user_id != ''
       ORDER BY timestamp DESC, arrival DESC LIMIT 1`,
    );
    userId = latest?.user_id;
    if (userId === undefined) {
      const [known] = await ask<{ n: string }>(
        `SELECT count() AS n FROM (SELECT 1 FROM ${events} AND anonymous_id = ${device} LIMIT 1)`,
      );
      if (Number(known!.n) === 0) return undefined;
      return { id: toDevicePersonId(named.anonymousId), anonymousIds: [named.anonymousId], userIds: [] };
    }
  }
  const [linked] = await ask<{ devices: string[] }>(
    `SELECT groupUniqArray(anonymous_id) AS devices FROM ${events} AND user_id = ${quoteString(userId)}`,
  );
  const anonymousIds = (linked?.devices ?? []).sort();
  if (anonymousIds.length === 0) return undefined;
  return { id: toUserPersonId(userId), anonymousIds, userIds: [userId] };
}
