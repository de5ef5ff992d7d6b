import type Database from 'better-sqlite3';
import type { Annotation } from '../../insights/types.js';

interface AnnotationRow {
  public_id: string;
  from_day: string;
  to_day: string;
  text: string;
  touchpoint: string | null;
  created_by: string;
  created_at: number;
}

/** A row as the Store answers it, under the project's public id. */
export function toAnnotation(row: AnnotationRow, projectId: string): Annotation {
  return {
    annotationId: row.public_id,
    projectId,
    fromDay: row.from_day,
    toDay: row.to_day,
    text: row.text,
    touchpoint: row.touchpoint,
    createdBy: row.created_by,
    createdAt: row.created_at,
  };
}

/** The annotation queries, prepared once. */
export function prepareAnnotationQueries(db: Database.Database) {
  const insert = db.prepare(`
    INSERT INTO annotations (public_id, project_id, from_day, to_day, text, touchpoint, created_by, created_at)
    VALUES (@publicId, @projectRowId, @fromDay, @toDay, @text, @touchpoint, @createdBy, @now)
  `);
  const selectOne = db.prepare(`
    SELECT public_id, from_day, to_day, text, touchpoint, created_by, created_at
    FROM annotations WHERE project_id = ? AND public_id = ?
  `);
  const selectAll = db.prepare(`
    SELECT public_id, from_day, to_day, text, touchpoint, created_by, created_at
    FROM annotations WHERE project_id = ? ORDER BY from_day, id
  `);
  const remove = db.prepare(`DELETE FROM annotations WHERE project_id = ? AND public_id = ?`);
  return {
    insert: (row: {
      publicId: string;
      projectRowId: number;
      fromDay: string;
      toDay: string;
      text: string;
      touchpoint: string | null;
      createdBy: string;
      now: number;
    }) => {
      insert.run(row);
    },
    selectOne: (projectRowId: number, publicId: string) =>
      selectOne.get(projectRowId, publicId) as AnnotationRow | undefined,
    selectAll: (projectRowId: number) => selectAll.all(projectRowId) as AnnotationRow[],
    remove: (projectRowId: number, publicId: string) => remove.run(projectRowId, publicId).changes === 1,
  };
}
