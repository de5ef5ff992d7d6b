import type { ClickHouseClient } from '@clickhouse/client';
import { fromVisibleEvents } from './fromVisibleEvents.js';
import { quoteString } from './sqlLiteral.js';

/** A person's ids as the SQLite engine's `describePerson` lists them. */
export interface PersonIds {
  anonymousIds: string[];
  userIds: string[];
}

/**
 * The ids of a page of persons (`person` keys: `u:<user id>` or `d:<device>`): a device
 * is itself; a user has every device with an event carrying their id, sorted as
 * `describePerson` sorts them. One query for the page's users.
 */
export async function describePersons(
  client: ClickHouseClient,
  target: { database: string; projectId: string },
  persons: ReadonlyArray<string>,
): Promise<(person: string) => PersonIds> {
  const users = persons.filter((person) => person.startsWith('u:')).map((person) => person.slice(2));
  const devicesOf = new Map<string, string[]>();
  if (users.length > 0) {
    const result = await client.query({
      query: `SELECT user_id, groupUniqArray(anonymous_id) AS devices
        FROM ${fromVisibleEvents(target)} AND user_id IN (${users.map(quoteString).join(', ')})
        GROUP BY user_id`,
      format: 'JSONEachRow',
    });
    for (const row of await result.json<{ user_id: string; devices: string[] }>()) {
      devicesOf.set(row.user_id, row.devices.sort());
    }
  }
  return (person) => {
    const id = person.slice(2);
    return person.startsWith('u:')
      ? { anonymousIds: devicesOf.get(id) ?? [], userIds: [id] }
      : { anonymousIds: [id], userIds: [] };
  };
}
