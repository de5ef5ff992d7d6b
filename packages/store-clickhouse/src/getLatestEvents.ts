import type { ClickHouseClient } from '@clickhouse/client';
import type { StoredEvent } from '@parcours/store';
import { fromVisibleEvents } from './fromVisibleEvents.js';
import { quoteInteger } from './sqlLiteral.js';
import { EVENT_COLUMNS, toStoredEvent, type EventRow } from './toStoredEvent.js';

/** A project's most recently stored events, newest first (arrival order), at most `limit`; erased rows hidden at once. */
export async function getLatestEvents(
  client: ClickHouseClient,
  target: { database: string; projectId: string },
  options: { limit: number },
): Promise<StoredEvent[]> {
  const result = await client.query({
    query: `SELECT ${EVENT_COLUMNS.join(', ')}
      FROM ${fromVisibleEvents(target)}
      ORDER BY arrival DESC
      LIMIT ${quoteInteger(options.limit)}`,
    format: 'JSONEachRow',
  });
  return (await result.json<EventRow>()).map(toStoredEvent);
}
