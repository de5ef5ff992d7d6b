import { createClient, type ClickHouseClient } from '@clickhouse/client';
import type { Store } from '@parcours/store';
import { countEvents } from './countEvents.js';
import { createTables } from './createTables.js';
import { getCohortRetention } from './getCohortRetention.js';
import { getFunnel } from './getFunnel.js';
import { getFunnelDrivers } from './getFunnelDrivers.js';
import { getFunnelDropoffs } from './getFunnelDropoffs.js';
import { getPaths } from './getPaths.js';
import { getPathPersons } from './getPathPersons.js';
import { insertEvents } from './insertEvents.js';
import { quoteDatabaseName } from './sqlLiteral.js';

/**
 * The part of `Store` the ClickHouse engine implements so far: events (exactly-once),
 * identities, funnels, their drivers, drop-offs, paths (and the persons on them) and cohort retention (stages, overview and timelines are
 * functions of this package that take the journey map, conversions and limit). Projects, keys, users, consent and privacy are not
 * here yet (docs/decisions.md, "ClickHouse engine (issue 10): foundations").
 */
export type ClickHouseJourneyStore = Pick<
  Store,
  | 'insertEvents'
  | 'countEvents'
  | 'getFunnel'
  | 'getFunnelDrivers'
  | 'getFunnelDropoffs'
  | 'getPaths'
  | 'getPathPersons'
  | 'getCohortRetention'
> & {
  /** Closes the HTTP connections. */
  close(): Promise<void>;
};

export interface ClickHouseJourneyStoreOptions {
  /** The server's HTTP interface, e.g. `http://127.0.0.1:8123`. */
  url: string;
  /** Created with its tables on first use. Default `parcours`. */
  database?: string;
}

/** Opens (and creates when missing) a Parcours database on a ClickHouse server. */
export async function openClickHouseJourneyStore(
  options: ClickHouseJourneyStoreOptions,
): Promise<ClickHouseJourneyStore> {
  const database = quoteDatabaseName(options.database ?? 'parcours');
  const client: ClickHouseClient = createClient({ url: options.url });
  await createTables(client, database);
  const at = (projectId: string) => ({ database, projectId });
  return {
    insertEvents: (projectId, events, insertOptions) =>
      insertEvents(client, at(projectId), events, insertOptions),
    countEvents: (projectId) => countEvents(client, at(projectId)),
    getFunnel: (projectId, query) => getFunnel(client, at(projectId), query),
    getFunnelDrivers: (projectId, query) => getFunnelDrivers(client, at(projectId), query),
    getFunnelDropoffs: (projectId, query) => getFunnelDropoffs(client, at(projectId), query),
    getPaths: (projectId, query) => getPaths(client, at(projectId), query),
    getPathPersons: (projectId, query) => getPathPersons(client, at(projectId), query),
    getCohortRetention: (projectId, query) => getCohortRetention(client, at(projectId), query),
    close: () => client.close(),
  };
}
