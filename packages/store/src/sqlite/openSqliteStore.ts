import type Database from 'better-sqlite3';
import type { CollectResult } from '@parcours/schema';
import { createKey, hashToken } from '../createKey.js';
import type { Project, Store, StoredEvent } from '../Store.js';
import { createStore } from '../createStore.js';
import type { StoreEngine } from '../StoreEngine.js';
import { decodePageCursor, encodePageCursor, parseSeqPosition } from '../pageCursor.js';
import { GroupCommitter } from './GroupCommitter.js';
import { openDatabase, type OpenDatabaseOptions } from './openDatabase.js';
import { InvalidCursorError } from '../InvalidCursorError.js';
import { resolvePerson } from './resolvePerson.js';
import type { JourneyCall } from './createJourneyHost.js';
import {
  createInlineJourneyEngine,
  createWorkerJourneyEngine,
  type JourneyEngineOptions,
} from './createJourneyEngine.js';
import { createSqliteJourneyMaps } from './queries/journeyMaps.js';
import { prepareUnlinkIdentity } from './queries/unlinkIdentity.js';
import { prepareGetIdentifiesInSegments } from './queries/getIdentifiesInSegments.js';
import { prepareGetEventBySeq } from './queries/getEventBySeq.js';
import { mergeTraits } from '../engine/mergeTraits.js';
import type { PersonSummary } from '../engine/personTypes.js';
import { prepareGetConsentRecords, prepareHasConsentRecord } from './queries/consentRecords.js';
import { prepareCountEvents, prepareGetChangeMark } from './queries/countEvents.js';
import { prepareGetAnonymousIdsOfUserId } from './queries/getAnonymousIdsOfUserId.js';
import { prepareGetEventsInSegments } from './queries/getEventsInSegments.js';
import { prepareGetLatestEvents } from './queries/getLatestEvents.js';
import { prepareGetIdentityChanges } from './queries/getIdentityChanges.js';
import { prepareGetLatestUserIdOfAnonymousId } from './queries/getLatestUserIdOfAnonymousId.js';
import { prepareIdentitySettings } from './queries/identitySettings.js';
import { prepareCollectionSettings } from './queries/collectionSettings.js';
import { prepareHasAnonymousId } from './queries/hasAnonymousId.js';
import { prepareInsertEvent } from './queries/insertEvent.js';
import { prepareInsertIdentityLink } from './queries/insertIdentityLink.js';
import { prepareProjectQueries, type ProjectRow } from './queries/projects.js';
import { createSqliteAccountStore } from './accounts/createSqliteAccountStore.js';
import { prepareMembershipQueries } from './accounts/memberships.js';
import { prepareSecretKeyQueries } from './accounts/secretKeys.js';
import { prepareUserQueries } from './accounts/users.js';
import { createSqliteConsentConfigStore } from './consent/createSqliteConsentConfigStore.js';
import { createSqlitePrivacyStore } from './privacy/createSqlitePrivacyStore.js';
import { getSnapshotDirectory, removeIndexSnapshot } from './IndexSnapshotFiles.js';
import { createSqliteRetentionStore } from './retention/createSqliteRetentionStore.js';
import { createSqliteInsightStore } from './insights/createSqliteInsightStore.js';
import { createSqlitePrivacyRequestStore } from './privacy/createSqlitePrivacyRequestStore.js';
import { createSqliteRegisterStore } from './privacy/createSqliteRegisterStore.js';
import { createSqliteSegmentStore } from './segments/createSqliteSegmentStore.js';
import type { IdentityGraph } from './resolvePerson.js';
import { createSqliteConsentLedgerStore } from './consent/createSqliteConsentLedgerStore.js';
import { DEFAULT_TIME_ZONE } from '../time/ZoneCalendar.js';
import { createSqliteWebhookStore } from './webhooks/createSqliteWebhookStore.js';
import { createSqliteReportStore } from './reports/createSqliteReportStore.js';
import { createSqliteReportScheduleStore } from './reports/createSqliteReportScheduleStore.js';

export interface SqliteStoreOptions extends OpenDatabaseOptions {
  /** Events per group commit before flushing early. Default 5,000. */
  maxGroupSize?: number;
  /**
   * Where journey questions (funnels, paths, stages, overview) are answered:
   * `worker`, a thread of their own with its own connection, so that they never
   * block ingest (the default for files), or `inline`, on the caller's thread (the
   * only choice for `:memory:`).
   */
  journeyEngine?: 'worker' | 'inline';
  /** Limits of the journey engine: property budget, queue, time and heap (see JourneyEngineOptions). */
  journeyLimits?: JourneyEngineOptions;
  /**
   * Build every project's journey index in the background as soon as the store
   * opens, so that the first question after a restart finds it ready (the server
   * does; a CLI command does not). Default false.
   */
  warmUp?: boolean;
  /**
   * Save journey indexes beside the database (`<file>.journey/`), so that a restart
   * loads them instead of reading every row (see `IndexSnapshotFiles`). Default true
   * for a file, never for `:memory:`.
   */
  indexSnapshots?: boolean;
  /**
   * Test hook: receives the connection once it is open, checked and migrated, to
   * inject storage faults SQLite itself reports (`PRAGMA max_page_count`, `query_only`).
   */
  onConnection?: ((db: Database.Database) => void) | undefined;
}

/** The tag of consent-record cursors (see `encodePageCursor`). */
const CONSENT_RECORDS_CURSOR = 'c1';

interface InsertJob {
  projectRowId: number;
  events: ReadonlyArray<StoredEvent>;
  policyVersion: number | null;
}

function toProject(row: ProjectRow): Project {
  return {
    projectId: row.public_id,
    name: row.name,
    writeKey: row.write_key,
    createdAt: row.created_at,
    timeZone: row.time_zone,
  };
}

/**
 * Opens (creating and migrating if needed) the embedded SQLite store: WAL journal,
 * `synchronous = FULL` so that a commit survives a power cut, group commit for ingest.
 * Throws a `StoreOpenError` when the file is not a usable database (see `openDatabase`);
 * at run time, a write that fails on the storage (disk full, read-only, locked, I/O)
 * rejects with an error `toStorageFault` recognises (ingest: a `StorageFault`).
 * The SQLite engine reached through `createStore`, like every engine.
 */
export function openSqliteStore(options: SqliteStoreOptions): Store {
  return createStore(openSqliteStoreEngine(options));
}

/** The SQLite engine itself (see {@link openSqliteStore}), for the conformance suite. */
export function openSqliteStoreEngine(options: SqliteStoreOptions): StoreEngine {
  const db = openDatabase(options);
  options.onConnection?.(db);

  const projects = prepareProjectQueries(db);
  const secretKeys = prepareSecretKeyQueries(db);
  const memberships = prepareMembershipQueries(db);
  const users = prepareUserQueries(db);
  const insertEvent = prepareInsertEvent(db);
  const insertIdentityLink = prepareInsertIdentityLink(db);
  const countEvents = prepareCountEvents(db);
  const getChangeMark = prepareGetChangeMark(db);
  const getLatestUserIdOfAnonymousId = prepareGetLatestUserIdOfAnonymousId(db);
  const getIdentityChanges = prepareGetIdentityChanges(db);
  const getEventsInSegments = prepareGetEventsInSegments(db);
  const getLatestEvents = prepareGetLatestEvents(db);
  const getIdentifiesInSegments = prepareGetIdentifiesInSegments(db);
  const getEventBySeq = prepareGetEventBySeq(db);
  const unlinkIdentity = prepareUnlinkIdentity(db);
  const identitySettings = prepareIdentitySettings(db);
  const collectionSettings = prepareCollectionSettings(db);
  const getAnonymousIdsOfUserId = prepareGetAnonymousIdsOfUserId(db);
  const hasAnonymousId = prepareHasAnonymousId(db);
  const getConsentRecords = prepareGetConsentRecords(db);
  const hasConsentRecord = prepareHasConsentRecord(db);

  // Journey questions go to the engine, whose indexes catch up with the store
  // before every answer (see createJourneyHost).
  const inMemory = options.filename === ':memory:' || options.filename === '';
  const snapshotDirectory =
    inMemory || options.indexSnapshots === false ? undefined : getSnapshotDirectory(options.filename);
  const engine =
    inMemory || options.journeyEngine === 'inline'
      ? createInlineJourneyEngine(db, { ...options.journeyLimits, snapshotDirectory })
      : createWorkerJourneyEngine(options.filename, {
          snapshotDirectory,
          // A server that warms its indexes answers "warming up" quickly meanwhile.
          ...(options.warmUp === true && { warmingTimeoutMs: 2_000 }),
          ...options.journeyLimits,
        });
  if (options.warmUp === true) engine.warm(projects.getProjects().map((row) => row.id));
  const ask = async <T>(projectId: string, call: JourneyCall): Promise<T> =>
    (await engine.run(getProjectRow(projectId).id, call)) as T;

  // Write keys are public and looked up on every collect: cache them (projects are few).
  const projectsByWriteKey = new Map<string, ProjectRow>();
  const projectsById = new Map<string, ProjectRow>();
  const findProjectRow = (projectId: string): ProjectRow | undefined => {
    let row = projectsById.get(projectId);
    if (row === undefined) {
      row = projects.getProjectByPublicId(projectId);
      if (row !== undefined) projectsById.set(projectId, row);
    }
    return row;
  };
  const getProjectRow = (projectId: string): ProjectRow => {
    const row = findProjectRow(projectId);
    if (row === undefined) throw new Error(`unknown project ${projectId}`);
    return row;
  };
  // Days and weeks of the project's zone unless the question names one; read from the
  // cached row, so a question reaches the journey thread in the order it was asked.
  const inProjectZone = <Q extends { timeZone?: string }>(projectId: string, query: Q): Q => ({
    timeZone: findProjectRow(projectId)?.time_zone ?? DEFAULT_TIME_ZONE,
    ...query,
  });
  const forgetProject = (row: ProjectRow) => {
    projectsById.delete(row.public_id);
    projectsByWriteKey.delete(row.write_key);
  };
  const accounts = createSqliteAccountStore(db, findProjectRow);
  const consentConfigs = createSqliteConsentConfigStore(db, getProjectRow);

  const insertJobs = db.transaction((jobs: InsertJob[]): CollectResult[] => {
    const now = Date.now();
    return jobs.map(({ projectRowId, events, policyVersion }) => {
      let accepted = 0;
      for (const event of events) {
        if (!insertEvent(projectRowId, event, now, policyVersion)) continue;
        accepted++;
        // Only a stored event links (a replayed id with other ids must not): the
        // links table then lists exactly the devices with events carrying the user id.
        if (event.userId !== undefined) {
          insertIdentityLink(projectRowId, event.anonymousId, event.userId, now);
        }
      }
      return { accepted, duplicates: events.length - accepted };
    });
  });
  const committer = new GroupCommitter<InsertJob, CollectResult>(
    insertJobs,
    (job) => job.events.length,
    options.maxGroupSize,
  );

  const identityGraphOf = (projectRowId: number): IdentityGraph => ({
    getAnonymousIdsOfUserId: (id) => getAnonymousIdsOfUserId(projectRowId, id),
    getLatestUserIdOfAnonymousId: (id) => getLatestUserIdOfAnonymousId(projectRowId, id),
    getIdentityChanges: (id) => getIdentityChanges(projectRowId, id),
    hasAnonymousId: (id) => hasAnonymousId(projectRowId, id),
  });
  // Erasure and retention removed rows: the index starts again from what is left, and
  // its snapshot, which holds the removed ids, goes with them now.
  const onRowsRemoved = (projectRowId: number) => {
    if (snapshotDirectory !== undefined) removeIndexSnapshot(snapshotDirectory, projectRowId);
    engine.warm([projectRowId]);
  };
  const privacy = createSqlitePrivacyStore({
    db,
    getProjectRowId: (projectId) => getProjectRow(projectId).id,
    getIdentityGraph: identityGraphOf,
    flushWrites: () => committer.flush(),
    onRowsRemoved,
  });

  const retention = createSqliteRetentionStore({
    db,
    getProjectRowId: (projectId) => getProjectRow(projectId).id,
    onRowsRemoved,
  });

  let closed = false;
  return {
    ...accounts,
    ...consentConfigs.store,
    ...privacy,
    ...retention,
    ...createSqlitePrivacyRequestStore(db, (projectId) => getProjectRow(projectId).id),
    ...createSqliteRegisterStore(db, (projectId) => getProjectRow(projectId).id),
    ...createSqliteSegmentStore(db, (projectId) => getProjectRow(projectId).id),
    ...createSqliteJourneyMaps(db, (projectId) => getProjectRow(projectId).id),
    ...createSqliteConsentLedgerStore(db, getProjectRow),
    ...createSqliteInsightStore(db, (projectId) => getProjectRow(projectId).id),
    ...createSqliteWebhookStore(db, (projectId) => getProjectRow(projectId).id),
    ...createSqliteReportStore(db, (projectId) => getProjectRow(projectId).id),
    ...createSqliteReportScheduleStore(db, (projectId) => getProjectRow(projectId).id),
    async createProject({ name, ownerUserId, timeZone = DEFAULT_TIME_ZONE }) {
      const projectId = createKey('prj', 9);
      const writeKey = createKey('wk');
      const secretKey = createKey('sk', 24);
      db.transaction(() => {
        const now = Date.now();
        const rowId = projects.insertProject({ publicId: projectId, name, writeKey, timeZone }, now);
        const keyInfo = { publicId: createKey('key', 9), prefix: secretKey.slice(0, 8), label: 'default' };
        secretKeys.insertSecretKey(hashToken(secretKey), rowId, { ...keyInfo, scope: 'admin' }, now);
        consentConfigs.publishDefault(rowId, name, now);
        if (ownerUserId === undefined) return;
        const owner = users.getUserByPublicId(ownerUserId);
        if (owner === undefined) throw new Error(`unknown user ${ownerUserId}`);
        memberships.upsertMember(rowId, owner.id, 'owner', now);
      })();
      return { projectId, writeKey, secretKey };
    },
    async renameProject(projectId, name) {
      const row = getProjectRow(projectId);
      projects.updateProjectName(row.id, name);
      forgetProject(row);
    },
    async setProjectTimeZone(projectId, timeZone) {
      const row = getProjectRow(projectId);
      projects.updateProjectTimeZone(row.id, timeZone);
      forgetProject(row);
    },
    async deleteProject(projectId) {
      const row = getProjectRow(projectId);
      committer.flush();
      db.transaction(() => projects.deleteProject(row.id))();
      forgetProject(row);
      // Row ids can be reused by a later project: its index must not be this one's.
      engine.forget(row.id);
      if (snapshotDirectory !== undefined) removeIndexSnapshot(snapshotDirectory, row.id);
    },
    async getProjects() {
      return projects.getProjects().map(toProject);
    },
    async getProject(projectId) {
      const row = findProjectRow(projectId);
      return row && toProject(row);
    },
    async getProjectByWriteKey(writeKey) {
      let row = projectsByWriteKey.get(writeKey);
      if (row === undefined) {
        row = projects.getProjectByWriteKey(writeKey);
        if (row !== undefined) projectsByWriteKey.set(writeKey, row);
      }
      return row && toProject(row);
    },
    async getProjectBySecretKey(secretKey) {
      const grant = await accounts.getKeyGrant(secretKey);
      const row = grant && findProjectRow(grant.projectId);
      return row && toProject(row);
    },
    insertEvents(projectId, events, insertOptions) {
      if (closed) return Promise.reject(new Error('the store is closed'));
      if (events.length === 0) return Promise.resolve({ accepted: 0, duplicates: 0 });
      const policyVersion = insertOptions?.policyVersion ?? null;
      return committer.submit({ projectRowId: getProjectRow(projectId).id, events, policyVersion });
    },
    async getIdentitySettings(projectId) {
      return identitySettings.get(getProjectRow(projectId).id);
    },
    async setIdentitySettings(projectId, change) {
      return identitySettings.set(getProjectRow(projectId).id, change);
    },
    async getCollectionSettings(projectId) {
      return collectionSettings.get(getProjectRow(projectId).id);
    },
    async setCollectionSettings(projectId, change) {
      return collectionSettings.set(getProjectRow(projectId).id, change);
    },
    async countEvents(projectId) {
      return countEvents(getProjectRow(projectId).id);
    },
    async getLatestEvents(projectId, { limit }) {
      return getLatestEvents(getProjectRow(projectId).id, limit);
    },
    async getChangeMark(projectId) {
      return getChangeMark(getProjectRow(projectId).id);
    },
    async getPersonTimeline(projectId, ref, { limit }) {
      const projectRowId = getProjectRow(projectId).id;
      const resolved = resolvePerson(identityGraphOf(projectRowId), ref);
      if (resolved === undefined) return undefined;
      const { person, segments } = resolved;
      return { person, events: getEventsInSegments(projectRowId, segments, limit) };
    },
    async unlinkIdentity(projectId, { anonymousId, userId }) {
      const projectRowId = getProjectRow(projectId).id;
      // Batches acknowledged but not yet committed may carry the link too.
      committer.flush();
      const events = unlinkIdentity(projectRowId, anonymousId, userId);
      if (events > 0) onRowsRemoved(projectRowId);
      return { events };
    },
    getFunnel(projectId, query) {
      return ask(projectId, { method: 'getFunnel', query: inProjectZone(projectId, query) });
    },
    getFunnelDrivers(projectId, query) {
      return ask(projectId, { method: 'getFunnelDrivers', query });
    },
    getFunnelDropoffs(projectId, query) {
      return ask(projectId, { method: 'getFunnelDropoffs', query });
    },
    getPaths(projectId, query) {
      return ask(projectId, { method: 'getPaths', query });
    },
    getPathPersons(projectId, query) {
      return ask(projectId, { method: 'getPathPersons', query });
    },
    getCohortRetention(projectId, query) {
      return ask(projectId, { method: 'getCohortRetention', query: inProjectZone(projectId, query) });
    },
    getFriction(projectId, query) {
      return ask(projectId, { method: 'getFriction', query });
    },
    getPersons(projectId, query, stages) {
      return ask(projectId, { method: 'getPersons', query, stages: [...stages] });
    },
    async getPersonProfile(projectId, ref, stages) {
      const projectRowId = getProjectRow(projectId).id;
      const resolved = resolvePerson(identityGraphOf(projectRowId), ref);
      if (resolved === undefined) return undefined;
      const summary = await ask<PersonSummary | undefined>(projectId, {
        method: 'getPersonSummary',
        personId: resolved.person.id,
        stages: [...stages],
      });
      if (summary === undefined) return undefined;
      const traits = mergeTraits(getIdentifiesInSegments(projectRowId, resolved.segments));
      const [userId] = resolved.person.userIds;
      const links = resolved.person.anonymousIds.flatMap((anonymousId) =>
        userId === undefined
          ? []
          : getIdentityChanges(projectRowId, anonymousId)
              .filter((change) => change.userId === userId)
              .map((change) => {
                const event = getEventBySeq(projectRowId, change.seq)!;
                return {
                  anonymousId,
                  userId,
                  timestamp: change.timestamp,
                  eventId: event.eventId,
                  eventType: event.type,
                  eventName: event.name,
                };
              }),
      );
      return { ...summary, ...traits, links };
    },
    async getConsentRecords(projectId, { limit, cursor }) {
      const projectRowId = getProjectRow(projectId).id;
      let before = Number.MAX_SAFE_INTEGER;
      if (cursor !== undefined) {
        const seq = parseSeqPosition(decodePageCursor(CONSENT_RECORDS_CURSOR, cursor));
        if (seq === undefined || !hasConsentRecord(projectRowId, seq)) {
          throw new InvalidCursorError(
            'not a consent-record cursor of this project: start again without a cursor',
          );
        }
        before = seq;
      }
      const rows = getConsentRecords(projectRowId, before, limit + 1);
      const page = rows.slice(0, limit);
      return {
        records: page.map(({ seq: _, ...record }) => record),
        nextCursor:
          rows.length > limit
            ? encodePageCursor(CONSENT_RECORDS_CURSOR, String(page[page.length - 1]!.seq))
            : null,
      };
    },
    async getStages(projectId, query, stages) {
      return ask(projectId, { method: 'getStages', query, stages: [...stages] });
    },
    async getOverview(projectId, query, conversions) {
      const zoned = inProjectZone(projectId, query);
      return ask(projectId, { method: 'getOverview', query: zoned, conversions: [...conversions] });
    },
    async close() {
      if (closed) return;
      closed = true;
      committer.flush();
      await engine.close();
      db.close();
    },
  };
}
