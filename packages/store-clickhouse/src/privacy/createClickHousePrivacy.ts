import type { ClickHouseClient } from '@clickhouse/client';
import {
  PERSON_EXPORT_SCHEMA_VERSION,
  createKey,
  toDevicePersonId,
  toUserPersonId,
  type ErasureReceipt,
  type Person,
  type PrivacyStore,
  type PrivacySubjectRef,
} from '@parcours/store';
import { pseudonymiseLedger } from '../ledger/pseudonymiseLedger.js';
import { resolvePerson } from '../resolvePerson.js';
import { quoteString } from '../sqlLiteral.js';
import type { Records } from '../state/createRecords.js';
import {
  getPersonConsentRows,
  getPersonEventRows,
  getPersonLinkRows,
  hasPersonRows,
  holdsPersonIds,
} from './getPersonRows.js';
import { deleteHiddenEvents, hideEvents } from './removeEvents.js';
import { findPersonRequests, pseudonymiseRequests, toRequestRow } from './requestRows.js';

/** The person a ref names by that id alone. */
function toBarePerson(ref: PrivacySubjectRef): Person {
  return 'userId' in ref
    ? { id: toUserPersonId(ref.userId), anonymousIds: [], userIds: [ref.userId] }
    : { id: toDevicePersonId(ref.anonymousId), anonymousIds: [ref.anonymousId], userIds: [] };
}

/** What the privacy methods need from the rest of the store. */
export interface ClickHousePrivacyParts {
  client: ClickHouseClient;
  database: string;
  records: Records;
  /** Throws for an unknown project. */
  requireProject(projectId: string): Promise<unknown>;
}

/**
 * Access and erasure on ClickHouse, with the SQLite engine's answers: the person as
 * identity stitching sees them (else the bare id, when only the ledger or a request
 * holds it), the export document of schema version 1 with the same tables, columns
 * and receipts (`personTables.ts`). An erasure hides the person's events at once
 * (tombstones), then deletes them, pseudonymises their ledger records and requests
 * (`ALTER … DELETE/UPDATE` mutations), and resolves only once ClickHouse has finished
 * every mutation: from then on no part of the tables holds their rows.
 */
export function createClickHousePrivacy(parts: ClickHousePrivacyParts): PrivacyStore {
  const { client, database, records } = parts;
  const at = (projectId: string) => ({ database, projectId });

  const findPerson = async (projectId: string, ref: PrivacySubjectRef): Promise<Person | undefined> => {
    const resolved = await resolvePerson(client, at(projectId), ref);
    if (resolved !== undefined) return resolved;
    // Stitching knows only ids with a trusted link or an event; a visitor who refused
    // consent, or a user id only ever claimed, is still a person whose rows must be found.
    const person = toBarePerson(ref);
    const found =
      (await hasPersonRows(client, at(projectId), person)) ||
      (await findPersonRequests(records, projectId, person)).length > 0;
    return found ? person : undefined;
  };

  /** Hides the events of `where`, runs the other rewrites, deletes, waits: the receipt. */
  const remove = async (
    projectId: string,
    where: string,
    others: () => Promise<{ consent_records: number; privacy_requests: number }>,
    requestId: string | undefined,
  ): Promise<ErasureReceipt> => {
    const hidden = await hideEvents(client, at(projectId), where);
    const rewritten = await others();
    await deleteHiddenEvents(client, at(projectId));
    return {
      requestId: requestId ?? createKey('era', 9),
      erasedAt: Date.now(),
      tables: { ...hidden, ...rewritten },
    };
  };

  return {
    async exportPerson(projectId, ref) {
      await parts.requireProject(projectId);
      const person = await findPerson(projectId, ref);
      if (person === undefined) return undefined;
      const [events, links, consent, requests] = await Promise.all([
        getPersonEventRows(client, at(projectId), person),
        getPersonLinkRows(client, at(projectId), person),
        getPersonConsentRows(client, at(projectId), person),
        findPersonRequests(records, projectId, person),
      ]);
      return {
        schemaVersion: PERSON_EXPORT_SCHEMA_VERSION,
        projectId,
        exportedAt: Date.now(),
        person,
        tables: {
          events,
          identity_links: links,
          consent_records: consent,
          privacy_requests: requests.map(toRequestRow),
        },
      };
    },
    async erasePerson(projectId, ref, options = {}) {
      await parts.requireProject(projectId);
      // An unknown person still gets a full receipt of zeros (and finishes any earlier removal).
      const person = (await findPerson(projectId, ref)) ?? { anonymousIds: [], userIds: [] };
      return remove(
        projectId,
        holdsPersonIds(person),
        async () => ({
          consent_records: await pseudonymiseLedger(client, at(projectId), person),
          privacy_requests: await pseudonymiseRequests(records, projectId, person),
        }),
        options.requestId,
      );
    },
    async eraseDevice(projectId, anonymousId, options = {}) {
      await parts.requireProject(projectId);
      // A withdrawal's erasure: this device only; an event without a category is
      // `analytics`. '' (which no event's category reads as) keeps an empty list valid SQL.
      const categories = options.categories;
      const where = [
        `anonymous_id = ${quoteString(anonymousId)}`,
        categories === undefined
          ? ''
          : ` AND if(category = '', 'analytics', category) IN (${['', ...categories].map(quoteString).join(', ')})`,
      ].join('');
      // The ledger keeps its records (the proof of the consent and of its withdrawal).
      return remove(
        projectId,
        where,
        async () => ({ consent_records: 0, privacy_requests: 0 }),
        options.requestId,
      );
    },
  };
}
