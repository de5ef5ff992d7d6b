import type Database from 'better-sqlite3';

/** Sequence numbers per DELETE statement of events. */
const SEQS_PER_STATEMENT = 2_000;
/** Identity links per DELETE statement of the links no event supports. */
const LINKS_PER_STATEMENT = 1_000;
/**
 * A delete transaction runs statements for at most this long, then yields to the
 * event loop: the collector's batches wait at most about this much behind a purge
 * (`parcours start` purges at start, during the restart). Scanning 20,000 arrival
 * numbers took 50–80 ms here even when nothing was deleted.
 */
const SLICE_MS = 10;

type LinkKey = [anonymousId: string, userId: string];

/**
 * Deletes a project's events older than a cutoff, and the identity links no event
 * supports any more. Events go in slices of arrival order (`seq` ranges, through the
 * `events_by_project_seq` index), each its own transaction of at most `SLICE_MS`,
 * yielding to the event loop in between, so that a first purge of years of data, or
 * the scan of a large project with nothing to delete, does not stall the collector.
 */
export function preparePurgeEvents(db: Database.Database) {
  const seqRange = db.prepare(`SELECT min(seq), max(seq) FROM events WHERE project_id = ?`).raw();
  const deleteChunk = db.prepare(
    `DELETE FROM events WHERE project_id = ? AND seq >= ? AND seq < ? AND timestamp < ?`,
  );
  // The links list exactly the devices with an event carrying the user id (see insertJobs).
  const orphan = `NOT EXISTS (
      SELECT 1 FROM events
      WHERE events.project_id = identity_links.project_id AND events.anonymous_id = identity_links.anonymous_id
        AND events.user_id = identity_links.user_id
    )`;
  // Links in key order from (anonymous id, user id) on: the key LINKS_PER_STATEMENT further on
  // bounds the next statement (none: the rest).
  const linkKeyAfter = db
    .prepare(
      `SELECT anonymous_id, user_id FROM identity_links WHERE project_id = ? AND (anonymous_id, user_id) >= (?, ?)
       ORDER BY anonymous_id, user_id LIMIT 1 OFFSET ${LINKS_PER_STATEMENT}`,
    )
    .raw();
  const deleteOrphanLinksBetween = db.prepare(`
    DELETE FROM identity_links WHERE project_id = ?
      AND (anonymous_id, user_id) >= (?, ?) AND (anonymous_id, user_id) < (?, ?) AND ${orphan}
  `);
  const deleteOrphanLinksFrom = db.prepare(`
    DELETE FROM identity_links WHERE project_id = ? AND (anonymous_id, user_id) >= (?, ?) AND ${orphan}
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
        // Statements of SEQS_PER_STATEMENT arrival numbers from `from` on, for SLICE_MS at most.
        const slice = db.transaction((from: number) => {
          const deadline = performance.now() + SLICE_MS;
          let removed = 0;
          let next = from;
          do {
            removed += deleteChunk.run(projectRowId, next, next + SEQS_PER_STATEMENT, cutoff).changes;
            next += SEQS_PER_STATEMENT;
          } while (next <= last && performance.now() < deadline);
          if (removed > 0) onRemoved();
          return { removed, next };
        });
        for (let from = first; from <= last;) {
          const { removed, next } = slice.immediate(from);
          events += removed;
          from = next;
          if (from <= last) await new Promise((resolve) => setImmediate(resolve));
        }
      }
      // The same slices for the links, in key order (anonymous ids are never empty).
      let links = 0;
      const linkSlice = db.transaction((from: LinkKey) => {
        const deadline = performance.now() + SLICE_MS;
        let removed = 0;
        let next: LinkKey | undefined = from;
        do {
          const to = linkKeyAfter.get(projectRowId, ...next) as LinkKey | undefined;
          const statement =
            to === undefined
              ? deleteOrphanLinksFrom.run(projectRowId, ...next)
              : deleteOrphanLinksBetween.run(projectRowId, ...next, ...to);
          removed += statement.changes;
          next = to;
        } while (next !== undefined && performance.now() < deadline);
        if (removed > 0) onRemoved();
        return { removed, next };
      });
      for (let from: LinkKey | undefined = ['', '']; from !== undefined;) {
        const { removed, next } = linkSlice.immediate(from);
        links += removed;
        from = next;
        if (from !== undefined) await new Promise((resolve) => setImmediate(resolve));
      }
      return { events, identity_links: links };
    },
  };
}
