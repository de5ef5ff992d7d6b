import type { ClickHouseClient } from '@clickhouse/client';
import type { StoredEvent } from '@parcours/store';
import { quoteDatabaseName, quoteInteger, quoteString } from './sqlLiteral.js';
import { EVENT_COLUMNS, toStoredEvent, type EventRow } from './toStoredEvent.js';

/** A project's most recently stored events, newest first (arrival order), at most `limit`. */
export async function getLatestEvents(
  client: ClickHouseClient,
  target: { database: string; projectId: string },
  options: { limit: number },
): Promise<StoredEvent[]> {
  const result = await client.query({
    query: `SELECT ${EVENT_COLUMNS.join(', ')}
      FROM ${quoteDatabaseName(target.database)}.events FINAL
      WHERE project_id = ${quoteString(target.projectId)}
      ORDER BY arrival DESC
      LIMIT ${quoteInteger(options.limit)}`,
    format: 'JSONEachRow',
  });
  return (await result.json<EventRow>()).map(toStoredEvent);
}
