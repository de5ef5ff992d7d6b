import type { ClickHouseClient } from '@clickhouse/client';
import { createKey } from '@parcours/store';
import { fromVisibleEvents } from '../fromVisibleEvents.js';
import { markChanged } from '../markChanged.js';
import { quoteDatabaseName, quoteString } from '../sqlLiteral.js';
import { queryRows } from '../queryRows.js';
import { waitForMutations } from './waitForMutations.js';

type Target = { database: string; projectId: string };

/** What hiding a set of events removes, as the receipts count it. */
export interface HiddenEvents {
  events: number;
  /**
   * The (device, user id) links no remaining event carries: the rows the SQLite
   * engine's `identity_links` table would lose (links are events on ClickHouse).
   */
  identity_links: number;
}

/**
 * Step 1 of a removal (erasure, device erasure, purge): writes the keys of the
 * project's visible events for which `where` holds (SQL over the event's columns) as
 * tombstones, a partition of `removed_events` of their own, inside ClickHouse (no
 * event leaves it). From then on no query sees them (`fromVisibleEvents`). Answers
 * what they remove; `deleteHiddenEvents` deletes them.
 */
export async function hideEvents(
  client: ClickHouseClient,
  target: Target,
  where: string,
): Promise<HiddenEvents> {
  const db = quoteDatabaseName(target.database);
  const project = `project_id = ${quoteString(target.projectId)}`;
  const removal = quoteString(createKey('rmv', 9));
  await client.command({
    query: `INSERT INTO ${db}.removed_events (project_id, removal_id, anonymous_id, id)
      SELECT project_id, ${removal}, anonymous_id, id FROM ${fromVisibleEvents(target)} AND (${where})`,
  });
  const ours = `SELECT anonymous_id, id FROM ${db}.removed_events WHERE ${project} AND removal_id = ${removal}`;
  const [[events], [links]] = await Promise.all([
    queryRows<{ n: string }>(client, `SELECT count() AS n FROM (${ours})`),
    queryRows<{ n: string }>(
      client,
      `SELECT count() AS n FROM (
          SELECT DISTINCT anonymous_id, user_id FROM ${db}.events FINAL
          WHERE ${project} AND user_id != '' AND (anonymous_id, id) IN (${ours})
        )
        WHERE (anonymous_id, user_id) NOT IN (
          SELECT anonymous_id, user_id FROM ${fromVisibleEvents(target)} AND user_id != ''
        )`,
    ),
  ]);
  // Hidden from now on: other processes' live feeds refetch without them.
  await markChanged(client, target);
  return { events: Number(events!.n), identity_links: Number(links!.n) };
}

/**
 * Step 2: deletes every event the project's tombstones name, from `events` and
 * `event_ids` (`ALTER … DELETE` mutations), waits until ClickHouse has rewritten the
 * parts (with every other mutation pending then: an erasure's ledger and request
 * rewrites), then drops the tombstones' partitions (synchronous). Tombstones left by
 * a removal that failed half-way are finished here too, so a retry completes it.
 * Until the mutations are done the events stay hidden; afterwards they are gone from
 * every part (the replaced parts leave the disk after the server's
 * `old_parts_lifetime`, 8 minutes by default).
 */
export async function deleteHiddenEvents(client: ClickHouseClient, target: Target): Promise<void> {
  const db = quoteDatabaseName(target.database);
  const project = `project_id = ${quoteString(target.projectId)}`;
  const removals = await queryRows<{ removal_id: string }>(
    client,
    `SELECT DISTINCT removal_id FROM ${db}.removed_events WHERE ${project}`,
  );
  if (removals.length > 0) {
    const hidden = `SELECT anonymous_id, id FROM ${db}.removed_events WHERE ${project}`;
    await client.command({
      query: `ALTER TABLE ${db}.events DELETE WHERE ${project} AND (anonymous_id, id) IN (${hidden})`,
    });
    await client.command({
      query: `ALTER TABLE ${db}.event_ids DELETE WHERE ${project}
        AND id IN (SELECT id FROM ${db}.removed_events WHERE ${project})`,
    });
  }
  await waitForMutations(client, target.database);
  for (const { removal_id } of removals) {
    await client.command({
      query: `ALTER TABLE ${db}.removed_events DROP PARTITION ${quoteString(removal_id)}`,
    });
  }
}
