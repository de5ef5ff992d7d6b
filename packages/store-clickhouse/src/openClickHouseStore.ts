import { createClient } from '@clickhouse/client';
import {
  createStore,
  DEFAULT_TIME_ZONE,
  type SegmentedQuery,
  type Store,
  type StoreEngine,
} from '@parcours/store';
import { countEvents, getChangeMark } from './countEvents.js';
import { createTables } from './createTables.js';
import { getCohortRetention } from './getCohortRetention.js';
import { getFriction } from './getFriction.js';
import { getFunnel } from './getFunnel.js';
import { getFunnelDrivers } from './getFunnelDrivers.js';
import { getFunnelDropoffs } from './getFunnelDropoffs.js';
import { getOverview } from './getOverview.js';
import { getPersonProfile } from './getPersonProfile.js';
import { getPersons } from './getPersons.js';
import { getPersonTimeline } from './getPersonTimeline.js';
import { unlinkIdentity } from './unlinkIdentity.js';
import { getStages } from './getStages.js';
import { getPaths } from './getPaths.js';
import { getPathPersons } from './getPathPersons.js';
import { insertEvents } from './insertEvents.js';
import { createClickHouseLedger } from './ledger/createClickHouseLedger.js';
import { createLedgerTable } from './ledger/createLedgerTable.js';
import { getLatestEvents } from './getLatestEvents.js';
import { createClickHousePrivacy } from './privacy/createClickHousePrivacy.js';
import { createClickHousePurge } from './privacy/createClickHousePurge.js';
import { getStoredDataFacts } from './privacy/getStoredDataFacts.js';
import { serialiseOverlappingInserts } from './serialiseOverlappingInserts.js';
import { quoteDatabaseName, quoteString } from './sqlLiteral.js';
import { createAccountState } from './state/createAccountState.js';
import { createAuditLog } from './state/createAuditLog.js';
import { createInvitationState } from './state/createInvitationState.js';
import { createReportScheduleState } from './state/createReportScheduleState.js';
import { createReportBrandState, createWebhookState } from './state/createWebhookState.js';
import { createInsightState } from './state/createInsightState.js';
import { createPrivacyState } from './state/createPrivacyState.js';
import { createProjectState } from './state/createProjectState.js';
import { createRecords } from './state/createRecords.js';
import { createStateTables } from './state/createStateTables.js';
import { createSegmentState } from './state/createSegmentState.js';
import { createJourneyMapState } from './state/createJourneyMapState.js';
import type { SecretKeyBody } from './state/createAccountState.js';

export interface ClickHouseStoreOptions {
  /** The server's HTTP interface, e.g. `http://127.0.0.1:8123`. */
  url: string;
  /** Created with its tables on first use. Default `parcours`. */
  database?: string;
}

/**
 * Opens (and creates when missing) a Parcours database on a ClickHouse server: a
 * whole `Store`, shared by every process that opens the same database (collectors
 * behind a load balancer, the CLI). Events and identities in `events`; projects,
 * keys, accounts and settings as versioned records (`state/`); access, erasure and
 * retention in `privacy/`.
 */
export async function openClickHouseStore(options: ClickHouseStoreOptions): Promise<Store> {
  return createStore(await openClickHouseStoreEngine(options));
}

/** The engine under `openClickHouseStore`, without the rules `createStore` adds (what the conformance suites run). */
export async function openClickHouseStoreEngine(options: ClickHouseStoreOptions): Promise<StoreEngine> {
  const database = quoteDatabaseName(options.database ?? 'parcours');
  const client = createClient({ url: options.url });
  await createTables(client, database);
  await createStateTables(client, database);
  await createLedgerTable(client, database);
  const records = createRecords(client, database);
  const projects = createProjectState(records);
  const accounts = createAccountState(records);
  const invitations = createInvitationState(records, accounts);
  const audit = createAuditLog(client, database, async (projectId) => {
    const members = await accounts.methods.listMembers(projectId);
    return members.map(({ userId, email }) => ({ userId, email }));
  });
  const ledger = createClickHouseLedger(client, database, records, async (projectId, policyVersion) => {
    return (await projects.methods.getConsentConfigVersion(projectId, policyVersion))?.configHash;
  });
  const privacyState = createPrivacyState(records, projects.requireProject);
  const at = (projectId: string) => ({ database, projectId });
  /** A journey question's target: its persons narrowed to its segment, if any (`selectPersonRows`). */
  const within = (projectId: string, query: SegmentedQuery) => ({
    database,
    projectId,
    segment: query.segment,
  });
  // Days and weeks of the project's zone unless the question names one.
  const inProjectZone = async <Q extends { timeZone?: string }>(projectId: string, query: Q): Promise<Q> => ({
    timeZone: (await projects.methods.getProject(projectId))?.timeZone ?? DEFAULT_TIME_ZONE,
    ...query,
  });
  const insert = serialiseOverlappingInserts((projectId, events, insertOptions) =>
    insertEvents(client, at(projectId), events, insertOptions),
  );

  return {
    ...projects.methods,
    ...accounts.methods,
    ...invitations,
    ...audit,
    ...ledger,
    ...privacyState,
    ...createSegmentState(records, projects.requireProject),
    ...createJourneyMapState(records, projects.requireProject),
    ...createInsightState(records, projects.requireProject),
    ...createWebhookState(records, projects.requireProject),
    ...createReportBrandState(records, projects.requireProject),
    ...createReportScheduleState(records, projects.requireProject),
    ...createClickHousePrivacy({ client, database, records, requireProject: projects.requireProject }),
    ...createClickHousePurge({
      client,
      database,
      records,
      getRetention: privacyState.getRetention,
      requireProject: projects.requireProject,
    }),
    async getProjectBySecretKey(secretKey) {
      const grant = await accounts.methods.getKeyGrant(secretKey);
      return grant && projects.methods.getProject(grant.projectId);
    },
    async deleteProject(projectId) {
      const project = await projects.requireProject(projectId);
      // Tombstones first: from here the keys open nothing, whatever the mutations' pace.
      const keys = await records.list<SecretKeyBody>('secret_key', projectId);
      await records.remove(
        'secret_key',
        keys.map((row) => row.id),
        projectId,
      );
      await records.remove('write_key', [project.writeKey]);
      await records.remove('project', [projectId]);
      const members = await records.list('membership', projectId);
      await records.remove(
        'membership',
        members.map((row) => row.id),
        projectId,
      );
      projects.forgetWriteKey(project.writeKey);
      // ALTER … DELETE (a mutation, since 1.1.54388: Debian's 18.16 has it) rewrites the
      // parts holding the project in the background; the events are unreachable at once
      // anyway, since nothing reads a project that is gone.
      for (const table of ['events', 'event_ids']) {
        await client.command({
          query: `ALTER TABLE ${database}.${table} DELETE WHERE project_id = ${quoteString(projectId)}`,
        });
      }
    },
    async insertEvents(projectId, events, insertOptions) {
      if (events.length === 0) return { accepted: 0, duplicates: 0 };
      await projects.requireProject(projectId);
      return insert(projectId, events, insertOptions);
    },
    countEvents: (projectId) => countEvents(client, at(projectId)),
    // Polled twice a second per watched project: one query, no project look-up (as countEvents).
    getChangeMark: (projectId) => getChangeMark(client, at(projectId)),
    getFunnel: async (projectId, query) =>
      getFunnel(client, within(projectId, query), await inProjectZone(projectId, query)),
    getPaths: (projectId, query) => getPaths(client, within(projectId, query), query),
    getPathPersons: (projectId, query) => getPathPersons(client, within(projectId, query), query),
    getCohortRetention: async (projectId, query) =>
      getCohortRetention(client, within(projectId, query), await inProjectZone(projectId, query)),
    getPersonTimeline: (projectId, ref, options) => getPersonTimeline(client, at(projectId), ref, options),
    async unlinkIdentity(projectId, link) {
      await projects.requireProject(projectId);
      return unlinkIdentity(client, at(projectId), link);
    },
    getFunnelDropoffs: (projectId, query) => getFunnelDropoffs(client, within(projectId, query), query),
    getFunnelDrivers: (projectId, query) => getFunnelDrivers(client, within(projectId, query), query),
    getStages: (projectId, query, stages) => getStages(client, within(projectId, query), stages, query),
    getOverview: async (projectId, query, conversions) =>
      getOverview(client, within(projectId, query), await inProjectZone(projectId, query), conversions),
    getConsentStats: async (projectId, range) =>
      ledger.getConsentStats(projectId, await inProjectZone(projectId, range)),
    getLatestEvents: (projectId, options) => getLatestEvents(client, at(projectId), options),
    getPersons: (projectId, query, stages) => getPersons(client, within(projectId, query), query, stages),
    getPersonProfile: (projectId, ref, stages) => getPersonProfile(client, at(projectId), ref, stages),
    getStoredDataFacts: async (projectId) => {
      await projects.requireProject(projectId);
      return getStoredDataFacts(client, at(projectId), records);
    },
    getFriction: (projectId, query) => getFriction(client, within(projectId, query), query),
    close: () => client.close(),
  };
}
