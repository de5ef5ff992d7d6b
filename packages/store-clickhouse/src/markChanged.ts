import { randomUUID } from 'node:crypto';
import type { ClickHouseClient } from '@clickhouse/client';
import { quoteDatabaseName } from './sqlLiteral.js';

/**
 * Moves the project's change mark (`getChangeMark`, read by every process's live
 * feed): one random mark in `change_marks`. Written last by whatever changes what a
 * journey question answers (a stored batch, a removal, an un-merge), so that a feed
 * that sees the mark also reads the change.
 */
export async function markChanged(
  client: ClickHouseClient,
  target: { database: string; projectId: string },
): Promise<void> {
  await client.insert({
    table: `${quoteDatabaseName(target.database)}.change_marks`,
    format: 'JSONEachRow',
    values: [{ project_id: target.projectId, mark: randomUUID() }],
  });
}
