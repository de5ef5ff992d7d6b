import type Database from 'better-sqlite3';
import type { JourneyStage } from '../../engine/types.js';
import type { JourneyMapEngine, SavedJourneyMap } from '../../journeyMaps/types.js';

interface MapRow {
  map_id: string;
  name: string;
  stages: string;
  version: number;
  updated_at: number;
  updated_by: string | null;
}

function toSavedMap(row: MapRow): SavedJourneyMap {
  return {
    mapId: row.map_id,
    name: row.name,
    stages: JSON.parse(row.stages) as JourneyStage[],
    version: row.version,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
  };
}

/**
 * The SQLite maps: one row per map, the compare-and-set write one transaction (the
 * version read and the row written under SQLite's write lock, whichever process on
 * the file saves at the same time). `getProjectRowId` throws for an unknown project.
 */
export function createSqliteJourneyMaps(
  db: Database.Database,
  getProjectRowId: (projectId: string) => number,
): JourneyMapEngine {
  const columns = `map_id, name, stages, version, updated_at, updated_by`;
  const selectAll = db.prepare(`SELECT ${columns} FROM named_journey_maps WHERE project_id = ? ORDER BY id`);
  const selectOne = db.prepare(
    `SELECT ${columns} FROM named_journey_maps WHERE project_id = ? AND map_id = ?`,
  );
  const upsert = db.prepare(`
    INSERT INTO named_journey_maps (project_id, map_id, name, stages, version, updated_at, updated_by)
    VALUES (@projectRowId, @mapId, @name, @stages, @version, @updatedAt, @updatedBy)
    ON CONFLICT (project_id, map_id) DO UPDATE SET name = excluded.name, stages = excluded.stages,
      version = excluded.version, updated_at = excluded.updated_at, updated_by = excluded.updated_by
  `);
  const remove = db.prepare(`DELETE FROM named_journey_maps WHERE project_id = ? AND map_id = ?`);
  const getOne = (projectRowId: number, mapId: string) => {
    const row = selectOne.get(projectRowId, mapId) as MapRow | undefined;
    return row === undefined ? undefined : toSavedMap(row);
  };
  const write = db.transaction((projectRowId: number, map: SavedJourneyMap) => {
    const current = getOne(projectRowId, map.mapId);
    if ((current?.version ?? 0) !== map.version - 1) return { written: false as const, current };
    upsert.run({ ...map, projectRowId, stages: JSON.stringify(map.stages) });
    return { written: true as const };
  });

  return {
    async listJourneyMaps(projectId) {
      return (selectAll.all(getProjectRowId(projectId)) as MapRow[]).map(toSavedMap);
    },
    async getJourneyMapRecord(projectId, mapId) {
      return getOne(getProjectRowId(projectId), mapId);
    },
    async writeJourneyMap(projectId, map) {
      return write.immediate(getProjectRowId(projectId), map);
    },
    async deleteJourneyMap(projectId, mapId) {
      return remove.run(getProjectRowId(projectId), mapId).changes > 0;
    },
  };
}
