import type Database from 'better-sqlite3';

/** Events per DELETE statement. */
const EVENTS_PER_STATEMENT = 2_000;
/** Identity links per DELETE statement of the links no event supports. */
const LINKS_PER_STATEMENT = 1_000;
/**
 * A delete transaction runs statements for at most this long, then yields to the
 * event loop: the collector's batches wait at most about this much behind a purge
 * (`parcours start` purges at start, during the restart).
 */
const SLICE_MS = 10;

type LinkKey = [anonymousId: string, userId: string];

/** Milliseconds per day of `events_by_project_day` (UTC days since 1970). */
const DAY_MS = 86_400_000;

/**
 * The next expired events of a project (parameters `project`, `cutoff`), through
 * `events_by_project_day`: the days before the cutoff's, and the cutoff's own day
 * read to its rows before the cutoff.
 */
export const EXPIRED_EVENTS = `SELECT seq FROM events
  WHERE project_id = @project AND timestamp / ${DAY_MS} <= @cutoff / ${DAY_MS} AND timestamp < @cutoff
  LIMIT ${EVENTS_PER_STATEMENT}`;

/**
 * Deletes a project's events older than a cutoff, and the identity links no event
 * supports any more. Expired events are found through `events_by_project_day`
 * (migration 22): a purge with nothing to delete reads the cutoff's day at most, not
 * every row. They go `EVENTS_PER_STATEMENT` at a time, in transactions of at most
 * `SLICE_MS`, yielding to the event loop in between, so that a first purge of years
 * of data does not stall the collector. The links are swept (every link read, in
 * slices too) only when events went since the last complete sweep: when the
 * project's removal generation moved past `links_swept_generation`.
 */
export function preparePurgeEvents(db: Database.Database) {
  const deleteExpired = db.prepare(`DELETE FROM events WHERE seq IN (${EXPIRED_EVENTS})`);
  const getGenerations = db
    .prepare(`SELECT removal_generation, links_swept_generation FROM projects WHERE id = ?`)
    .raw();
  const setSweptGeneration = db.prepare(`UPDATE projects SET links_swept_generation = ? WHERE id = ?`);
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
      // Statements of EVENTS_PER_STATEMENT expired events, for SLICE_MS at most.
      const slice = db.transaction(() => {
        const deadline = performance.now() + SLICE_MS;
        let removed = 0;
        let last: number;
        do {
          last = deleteExpired.run({ project: projectRowId, cutoff }).changes;
          removed += last;
        } while (last === EVENTS_PER_STATEMENT && performance.now() < deadline);
        if (removed > 0) onRemoved();
        return { removed, more: last === EVENTS_PER_STATEMENT };
      });
      let events = 0;
      for (;;) {
        const { removed, more } = slice.immediate();
        events += removed;
        if (!more) break;
        await new Promise((resolve) => setImmediate(resolve));
      }
      // Nothing went since the last complete sweep: no link can have lost its events.
      const [generation, swept] = getGenerations.get(projectRowId) as [number, number];
      if (generation === swept) return { events, identity_links: 0 };
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
      let bumps = 0;
      for (let from: LinkKey | undefined = ['', '']; from !== undefined;) {
        const { removed, next } = linkSlice.immediate(from);
        links += removed;
        if (removed > 0) bumps++;
        from = next;
        if (from !== undefined) await new Promise((resolve) => setImmediate(resolve));
      }
      // Complete: no link orphaned by a removal up to `generation` is left. When the only
      // removals since were this sweep's own, that holds for the generation now; another
      // removal meanwhile (in another process, say) leaves the next purge to sweep again.
      const [now] = getGenerations.get(projectRowId) as [number, number];
      setSweptGeneration.run(now === generation + bumps ? now : generation, projectRowId);
      return { events, identity_links: links };
    },
  };
}
