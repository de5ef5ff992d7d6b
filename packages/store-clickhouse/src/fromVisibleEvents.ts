import { quoteDatabaseName, quoteString } from './sqlLiteral.js';

/**
 * The `FROM … WHERE …` of a read of one project's events as every query must see
 * them: copies of a replayed event collapsed (`FINAL`, see `createTables`), and the
 * rows an erasure or a purge is removing hidden from the moment they are chosen
 * (`removed_events`, the tombstones of `privacy/removeEvents.ts`), not only once
 * ClickHouse's `ALTER … DELETE` mutation has rewritten the parts holding them. Callers
 * append their own conditions with `AND`.
 */
export function fromVisibleEvents(target: { database: string; projectId: string }): string {
  return readVisibleEvents(target, 'FINAL');
}

function readVisibleEvents(target: { database: string; projectId: string }, modifier: 'FINAL' | ''): string {
  const db = quoteDatabaseName(target.database);
  const project = `project_id = ${quoteString(target.projectId)}`;
  return `${db}.events ${modifier}
    WHERE ${project}
      AND (anonymous_id, id) NOT IN (SELECT anonymous_id, id FROM ${db}.removed_events WHERE ${project})`;
}

/**
 * As `fromVisibleEvents`, without `FINAL`: every stored copy of a replayed event, read
 * by every core. For queries that collapse the copies themselves (same device, time
 * and id; the first to arrive is the one FINAL keeps), as `selectPersonSegments` does.
 */
export function fromVisibleEventCopies(target: { database: string; projectId: string }): string {
  return readVisibleEvents(target, '');
}
