import type { ClickHouseClient } from '@clickhouse/client';
import {
  createKey,
  subtractCalendarMonths,
  type RetentionSettings,
  type RetentionStore,
} from '@parcours/store';
import { purgeLedger } from '../ledger/purgeLedger.js';
import { quoteInteger } from '../sqlLiteral.js';
import type { Records } from '../state/createRecords.js';
import { deleteHiddenEvents, hideEvents } from './removeEvents.js';

/**
 * The retention purge on ClickHouse, with the SQLite engine's rule and receipt: the
 * project's events older than `eventsMonths` calendar months (by their own time), the
 * identity links no event left supports (counted: links are events here), and the
 * oldest ledger records whose consent ended more than `ledgerProofYears` ago
 * (`purgeLedger`). Events are hidden at once and deleted by mutations (`removeEvents`,
 * computed inside ClickHouse, whatever their number); the purge resolves once they
 * are done. `events` is partitioned by month for every project together, so a
 * project's purge is a mutation rather than a dropped partition.
 */
export function createClickHousePurge(parts: {
  client: ClickHouseClient;
  database: string;
  records: Records;
  getRetention(projectId: string): Promise<RetentionSettings>;
  /** Throws for an unknown project. */
  requireProject(projectId: string): Promise<unknown>;
}): Pick<RetentionStore, 'purge'> {
  const { client, database, records } = parts;
  return {
    async purge(projectId, now = Date.now()) {
      await parts.requireProject(projectId);
      const { eventsMonths, ledgerProofYears } = await parts.getRetention(projectId);
      const eventsBefore = subtractCalendarMonths(now, eventsMonths);
      const ledgerEndedBefore = subtractCalendarMonths(now, ledgerProofYears * 12);
      const target = { database, projectId };
      const hidden = await hideEvents(client, target, `timestamp < ${quoteInteger(eventsBefore)}`);
      const consentRecords = await purgeLedger(client, target, { records, cutoff: ledgerEndedBefore, now });
      await deleteHiddenEvents(client, target);
      return {
        purgeId: createKey('prg', 9),
        purgedAt: now,
        eventsBefore,
        ledgerEndedBefore,
        tables: { ...hidden, consent_records: consentRecords },
      };
    },
  };
}
