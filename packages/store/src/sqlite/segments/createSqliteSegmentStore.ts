import type Database from 'better-sqlite3';
import type { SegmentDefinition } from '@parcours/schema';
import { createKey } from '../../createKey.js';
import type { Segment, SegmentFields, SegmentStore } from '../../segments/types.js';

interface SegmentRow {
  public_id: string;
  name: string;
  description: string;
  definition: string;
  persona: number;
  created_at: number;
  updated_at: number;
}

function toSegment(row: SegmentRow): Segment {
  return {
    segmentId: row.public_id,
    name: row.name,
    description: row.description,
    definition: JSON.parse(row.definition) as SegmentDefinition,
    persona: row.persona === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The SQLite `SegmentStore`: one row of `segments` each. `getProjectRowId` throws for an unknown project. */
export function createSqliteSegmentStore(
  db: Database.Database,
  getProjectRowId: (projectId: string) => number,
): SegmentStore {
  const columns = `public_id, name, description, definition, persona, created_at, updated_at`;
  const selectAll = db.prepare(`SELECT ${columns} FROM segments WHERE project_id = ? ORDER BY id`);
  const selectOne = db.prepare(`SELECT ${columns} FROM segments WHERE project_id = ? AND public_id = ?`);
  const insert = db.prepare(`
    INSERT INTO segments (public_id, project_id, name, description, definition, persona, created_at, updated_at)
    VALUES (@segmentId, @projectRowId, @name, @description, @definition, @persona, @now, @now)
  `);
  const update = db.prepare(`
    UPDATE segments SET name = @name, description = @description, definition = @definition,
      persona = @persona, updated_at = @now
    WHERE project_id = @projectRowId AND public_id = @segmentId
  `);
  const remove = db.prepare(`DELETE FROM segments WHERE project_id = ? AND public_id = ?`);

  const getOne = (projectRowId: number, segmentId: string) => {
    const row = selectOne.get(projectRowId, segmentId) as SegmentRow | undefined;
    return row === undefined ? undefined : toSegment(row);
  };
  const toParameters = (projectRowId: number, segmentId: string, fields: SegmentFields) => ({
    segmentId,
    projectRowId,
    name: fields.name,
    description: fields.description,
    definition: JSON.stringify(fields.definition),
    persona: fields.persona ? 1 : 0,
    now: Date.now(),
  });

  return {
    async listSegments(projectId) {
      return (selectAll.all(getProjectRowId(projectId)) as SegmentRow[]).map(toSegment);
    },
    async getSegment(projectId, segmentId) {
      return getOne(getProjectRowId(projectId), segmentId);
    },
    async createSegment(projectId, fields) {
      const projectRowId = getProjectRowId(projectId);
      const segmentId = createKey('seg', 9);
      insert.run(toParameters(projectRowId, segmentId, fields));
      return getOne(projectRowId, segmentId)!;
    },
    async updateSegment(projectId, segmentId, fields) {
      const projectRowId = getProjectRowId(projectId);
      const { changes } = update.run(toParameters(projectRowId, segmentId, fields));
      return changes === 0 ? undefined : getOne(projectRowId, segmentId);
    },
    async deleteSegment(projectId, segmentId) {
      return remove.run(getProjectRowId(projectId), segmentId).changes > 0;
    },
  };
}
