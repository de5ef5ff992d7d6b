import type { ClickHouseClient } from '@clickhouse/client';
import type { CollectResult } from '@parcours/schema';
import type { InsertEventsOptions, StoredEvent } from '@parcours/store';
import { markChanged } from './markChanged.js';
import { quoteDatabaseName, quoteString } from './sqlLiteral.js';

/** Ids per `IN (…)` look-up: keeps each query far below ClickHouse's 256 KiB max_query_size. */
const LOOKUP_CHUNK = 1_000;

let lastArrival = 0n;
const MAX_UINT64 = 2n ** 64n - 1n;

/**
 * Arrival order within this process: epoch ms × 10⁶, bumped to stay strictly
 * increasing. It breaks ties between events of equal time, as SQLite's sequence
 * number does; across processes it is only as ordered as their clocks.
 */
function nextArrival(): bigint {
  const now = BigInt(Date.now()) * 1_000_000n;
  lastArrival = now > lastArrival ? now : lastArrival + 1n;
  return lastArrival;
}

/**
 * Stores the events whose id the project does not have yet, once each.
 *
 * Exactly-once in two layers: (1) before writing, the batch's ids are looked up in
 * `event_ids` and repeats (also repeats inside the batch) are answered as duplicates;
 * (2) two collectors racing on the same replay can both pass (1), so both write the
 * same row; reads use FINAL on a key that includes the id, which collapses them.
 * Events are written before their ids: a crash between the two makes the retry write
 * the events again (collapsed by (2)) rather than lose them as "already stored".
 * Limit: in a race, both collectors answer `accepted` for the same event.
 */
export async function insertEvents(
  client: ClickHouseClient,
  target: { database: string; projectId: string },
  events: ReadonlyArray<StoredEvent>,
  options: InsertEventsOptions = {},
): Promise<CollectResult> {
  const db = quoteDatabaseName(target.database);
  const unique = new Map<string, StoredEvent>();
  for (const event of events) if (!unique.has(event.id)) unique.set(event.id, event);
  const ids = [...unique.keys()];
  for (let i = 0; i < ids.length; i += LOOKUP_CHUNK) {
    const chunk = ids.slice(i, i + LOOKUP_CHUNK);
    const result = await client.query({
      query: `SELECT DISTINCT id FROM ${db}.event_ids
        WHERE project_id = ${quoteString(target.projectId)} AND id IN (${chunk.map(quoteString).join(',')})`,
      format: 'JSONEachRow',
    });
    for (const row of await result.json<{ id: string }>()) unique.delete(row.id);
  }
  const fresh = [...unique.values()];
  if (fresh.length > 0) {
    await client.insert({
      table: `${db}.events`,
      format: 'JSONEachRow',
      values: fresh.map((event) => {
        const arrival = nextArrival();
        return {
          project_id: target.projectId,
          id: event.id,
          type: event.type,
          name: event.name,
          anonymous_id: event.anonymousId,
          user_id: event.userId ?? '',
          claimed_user_id: event.claimedUserId ?? '',
          timestamp: event.timestamp,
          arrival: arrival.toString(),
          keep_priority: (MAX_UINT64 - arrival).toString(),
          channel: event.channel ?? '',
          category: event.category ?? '',
          // '' keeps "absent" apart from `{}`: a timeline gives back the event as it came.
          properties: event.properties === undefined ? '' : JSON.stringify(event.properties),
          context: event.context === undefined ? '' : JSON.stringify(event.context),
          policy_version: options.policyVersion ?? null,
        };
      }),
    });
    await client.insert({
      table: `${db}.event_ids`,
      format: 'JSONEachRow',
      values: fresh.map((event) => ({ project_id: target.projectId, id: event.id })),
    });
    // Last: a mark tells other processes' live feeds once the events are readable.
    await markChanged(client, target);
  }
  return { accepted: fresh.length, duplicates: events.length - fresh.length };
}
