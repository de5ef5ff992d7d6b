import type { ClickHouseClient } from '@clickhouse/client';
import { quoteDatabaseName, quoteInteger, quoteString } from '../sqlLiteral.js';
import { nextVersion } from './nextVersion.js';

/** One live record: its id, owner, value and the version that first wrote it (creation order). */
export interface StoredRecord<T> {
  id: string;
  owner: string;
  value: T;
  firstVersion: number;
}

/** The kinds of shared records; each names what its `id` and `owner` are. */
export type RecordKind =
  | 'project' // id: project id
  | 'write_key' // id: write key, body: { projectId }
  | 'secret_key' // id: SHA-256 of the key, owner: project id
  | 'key_use' // id: SHA-256 of the key, body: { lastUsedAt }
  | 'identity' // id: project id
  | 'collection' // id: project id
  | 'journey_map' // id: project id + map id + version + random, owner: project id (before several maps: id project id)
  | 'consent_config' // id: project id + version, owner: project id
  | 'user' // id: normalised email
  | 'membership' // id: project id + user id, owner: project id
  | 'session' // id: SHA-256 of the token, owner: user id
  | 'session_seen' // id: SHA-256 of the token, body: { lastSeenAt }
  | 'invitation' // id: SHA-256 of the token, owner: project id or ''
  | 'share_link' // id: SHA-256 of the token, owner: project id
  | 'segment' // id: project id + segment id, owner: project id
  | 'ledger_secret' // id: project id, body: { secret } (hex)
  | 'retention' // id: project id
  | 'privacy_request' // id: project id + request id, owner: project id
  | 'ledger_anchor' // id: project id + chain, owner: project id: where the chain's purged prefix ended
  | 'register_contacts' // id: project id
  | 'insight' // id: project id + insight id, owner: project id
  | 'dashboard' // id: project id + dashboard id, owner: project id
  | 'annotation' // id: project id + annotation id, owner: project id
  | 'webhook_destination' // id: project id + destination id, owner: project id; body holds the signing secret
  | 'webhook_delivery' // id: delivery id, owner: project id + destination id; body: queue fields, attempts, body until sent
  | 'report_brand' // id: project id
  | 'report_schedule'; // id: project id + schedule id, owner: project id

interface Row {
  id: string;
  o: string;
  b: string;
  first_version: string;
}

/**
 * Reads and writes of the `records` table (see `createStateTables`). Every write is
 * an insert of a new version; every read takes each id's latest version and drops
 * tombstones. Usage marks (`key_use`, `session_seen`) are records of their own so
 * that a touch racing a revocation can never bring the revoked record back.
 */
export function createRecords(client: ClickHouseClient, database: string) {
  const db = quoteDatabaseName(database);
  const select = async <T>(where: string): Promise<Array<StoredRecord<T>>> => {
    const result = await client.query({
      query: `SELECT id, argMax(owner, version) AS o, argMax(body, version) AS b,
          min(version) AS first_version, argMax(deleted, version) AS gone
        FROM ${db}.records WHERE ${where}
        GROUP BY id HAVING gone = 0 ORDER BY first_version`,
      format: 'JSONEachRow',
    });
    const rows = await result.json<Row>();
    return rows.map((row) => ({
      id: row.id,
      owner: row.o,
      value: JSON.parse(row.b) as T,
      firstVersion: Number(row.first_version),
    }));
  };
  /** Inserts the rows as new versions; answers the first version written (each row's is higher than the last). */
  const write = async (
    rows: Array<{ kind: RecordKind; id: string; owner: string; deleted: boolean; body: unknown }>,
  ): Promise<number> => {
    const values = rows.map((row) => ({
      kind: row.kind,
      id: row.id,
      owner: row.owner,
      version: nextVersion(),
      deleted: row.deleted ? 1 : 0,
      body: JSON.stringify(row.body ?? null),
    }));
    await client.insert({ table: `${db}.records`, format: 'JSONEachRow', values });
    return values[0]!.version;
  };
  return {
    /** Writes new versions of several records in one insert (one part: all or none). */
    async putAll(
      rows: Array<{ kind: RecordKind; id: string; owner?: string; value: unknown }>,
    ): Promise<void> {
      if (rows.length === 0) return;
      await write(rows.map((row) => ({ ...row, owner: row.owner ?? '', deleted: false, body: row.value })));
    },
    async put(kind: RecordKind, id: string, value: unknown, owner = ''): Promise<void> {
      await write([{ kind, id, owner, deleted: false, body: value }]);
    },
    /**
     * Writes new versions of records of one kind and deletes every older version of
     * them (an `ALTER … DELETE` mutation: wait for it with `waitForMutations`), so
     * that a value replaced for a reason (an erasure's pseudonymisation) leaves the
     * table instead of waiting for a merge.
     */
    async replaceHistory(
      kind: RecordKind,
      rows: Array<{ id: string; owner: string; value: unknown }>,
    ): Promise<void> {
      if (rows.length === 0) return;
      const first = await write(rows.map((row) => ({ ...row, kind, deleted: false, body: row.value })));
      await client.command({
        query: `ALTER TABLE ${db}.records DELETE WHERE kind = ${quoteString(kind)}
          AND id IN (${rows.map((row) => quoteString(row.id)).join(', ')}) AND version < ${quoteInteger(first)}`,
      });
    },
    /** Tombstones the records (a later `put` of the same id brings it back on purpose). */
    async remove(kind: RecordKind, ids: ReadonlyArray<string>, owner = ''): Promise<void> {
      if (ids.length === 0) return;
      await write(ids.map((id) => ({ kind, id, owner, deleted: true, body: null })));
    },
    async get<T>(kind: RecordKind, id: string): Promise<T | undefined> {
      const [row] = await select<T>(`kind = ${quoteString(kind)} AND id = ${quoteString(id)}`);
      return row?.value;
    },
    /** The live records of a kind with one of `ids`, in creation order. */
    async getMany<T>(kind: RecordKind, ids: ReadonlyArray<string>): Promise<Array<StoredRecord<T>>> {
      if (ids.length === 0) return [];
      return select<T>(`kind = ${quoteString(kind)} AND id IN (${ids.map(quoteString).join(',')})`);
    },
    /** The live records of a kind (of one owner when given), in creation order. */
    async list<T>(kind: RecordKind, owner?: string): Promise<Array<StoredRecord<T>>> {
      const byOwner = owner === undefined ? '' : ` AND owner = ${quoteString(owner)}`;
      return select<T>(`kind = ${quoteString(kind)}${byOwner}`);
    },
  };
}

/** The reads and writes of shared records. */
export type Records = ReturnType<typeof createRecords>;
