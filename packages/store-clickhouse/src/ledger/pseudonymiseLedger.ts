import type { ClickHouseClient } from '@clickhouse/client';
import { queryRows } from '../queryRows.js';
import { quoteDatabaseName, quoteString } from '../sqlLiteral.js';

/** SQL: the ledger record names one of these ids. */
export function namesPerson(ids: { anonymousIds: readonly string[]; userIds: readonly string[] }): string {
  const tests: string[] = [];
  if (ids.anonymousIds.length > 0)
    tests.push(`anonymous_id IN (${ids.anonymousIds.map(quoteString).join(', ')})`);
  if (ids.userIds.length > 0) tests.push(`user_id IN (${ids.userIds.map(quoteString).join(', ')})`);
  return tests.length === 0 ? '0' : tests.join(' OR ');
}

/**
 * Erasure's pseudonymisation of the consent ledger, as on SQLite: the person's records
 * keep their proof (time, categories, policy, hashes) and lose both ids, so the chain,
 * which hashes a keyed digest of the ids and not the ids, still verifies. An
 * `ALTER … UPDATE` mutation (18.16 has them; the ids are not key columns): the caller
 * waits for it (`waitForMutations`). Answers the records it rewrites.
 */
export async function pseudonymiseLedger(
  client: ClickHouseClient,
  target: { database: string; projectId: string },
  ids: { anonymousIds: readonly string[]; userIds: readonly string[] },
): Promise<number> {
  const db = quoteDatabaseName(target.database);
  const where = `project_id = ${quoteString(target.projectId)} AND (${namesPerson(ids)})`;
  const [row] = await queryRows<{ n: string }>(
    client,
    `SELECT count() AS n FROM ${db}.consent_ledger WHERE ${where}`,
  );
  const records = Number(row!.n);
  if (records > 0) {
    await client.command({
      query: `ALTER TABLE ${db}.consent_ledger UPDATE anonymous_id = NULL, user_id = NULL WHERE ${where}`,
    });
  }
  return records;
}
