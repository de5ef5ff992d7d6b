import type Database from 'better-sqlite3';

/** Sequence numbers per delete transaction: short transactions leave room for ingest between them. */
const SEQS_PER_CHUNK = 20_000;

/**
 * Deletes a project's events older than a cutoff, and the identity links no event
 * supports any more. Events go in chunks of arrival order (`seq` ranges, through the
 * `events_by_project_seq` index), each its own transaction, yielding to the event loop
 * in between, so that a first purge of years of data does not stall the collector.
 */
export function preparePurgeEvents(db: Database.Database) {
  const seqRange = db.prepare(`SELECT min(seq), max(seq) FROM events WHERE project_id = ?`).raw();
  const deleteChunk = db.prepare(
    `DELETE FROM events WHERE project_id = ? AND seq >= ? AND seq < ? AND timestamp < ?`,
  );
  // The links list exactly the devices with an event carrying the user id (see insertJobs).
  const deleteOrphanLinks = db.prepare(`
    DELETE FROM identity_links
    WHERE project_id = ? AND NOT EXISTS (
      SELECT 1 FROM events
      WHERE events.project_id = identity_links.project_id AND events.anonymous_id = identity_links.anonymous_id
        AND events.user_id = identity_links.user_id
    )
  `);

  return {
    /**
     * Rows removed per table. `onRemoved` runs inside each transaction that removed
     * rows (the caller bumps the project's removal generation there).
     */
    async purge(projectRowId: number, cutoff: number, onRemoved: () => void) {
      const [first, last] = seqRange.get(projectRowId) as [number | null, number | null];
      let events = 0;
      if (first !== null && last !== null) {
        const chunk = db.transaction((from: number) => {
          const { changes } = deleteChunk.run(projectRowId, from, from + SEQS_PER_CHUNK, cutoff);
          if (changes > 0) onRemoved();
          return changes;
        });
        for (let from = first; from <= last; from += SEQS_PER_CHUNK) {
          events += chunk.immediate(from);
          if (from + SEQS_PER_CHUNK <= last) await new Promise((resolve) => setImmediate(resolve));
        }
      }
      const links = db.transaction(() => {
        const { changes } = deleteOrphanLinks.run(projectRowId);
        if (changes > 0) onRemoved();
        return changes;
      });
      return { events, identity_links: links.immediate() };
    },
  };
}
