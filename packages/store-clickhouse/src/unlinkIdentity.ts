import type { ClickHouseClient } from '@clickhouse/client';
import { fromVisibleEvents } from './fromVisibleEvents.js';
import { markChanged } from './markChanged.js';
import { waitForMutations } from './privacy/waitForMutations.js';
import { queryRows } from './queryRows.js';
import { quoteDatabaseName, quoteString } from './sqlLiteral.js';

type Target = { database: string; projectId: string };

/**
 * Un-merges a device from a user (see `EventStore.unlinkIdentity`): an `ALTER … UPDATE`
 * moves the user id of the device's events to `claimed_user_id`, which links nobody,
 * and the call waits for the mutation, so the next journey question already counts
 * the device apart. The identity links are those events (no table of their own), so
 * nothing else changes. Answers the (visible, replays once) events changed.
 */
export async function unlinkIdentity(
  client: ClickHouseClient,
  target: Target,
  link: { anonymousId: string; userId: string },
): Promise<{ events: number }> {
  const linked = `anonymous_id = ${quoteString(link.anonymousId)} AND user_id = ${quoteString(link.userId)}`;
  const [counted] = await queryRows<{ events: string }>(
    client,
    `SELECT count() AS events FROM ${fromVisibleEvents(target)} AND ${linked}`,
  );
  const events = Number(counted?.events ?? 0);
  if (events === 0) return { events };
  await client.command({
    query: `ALTER TABLE ${quoteDatabaseName(target.database)}.events
      UPDATE claimed_user_id = if(claimed_user_id = '', user_id, claimed_user_id), user_id = ''
      WHERE project_id = ${quoteString(target.projectId)} AND ${linked}`,
  });
  await waitForMutations(client, target.database);
  await markChanged(client, target);
  return { events };
}
