import type Database from 'better-sqlite3';
import type { JourneyStage } from '../../engine/types.js';

export function prepareGetJourneyMap(db: Database.Database) {
  const statement = db.prepare(`SELECT stages FROM journey_maps WHERE project_id = ?`).pluck();
  return (projectRowId: number): JourneyStage[] | undefined => {
    const json = statement.get(projectRowId) as string | undefined;
    return json === undefined ? undefined : (JSON.parse(json) as JourneyStage[]);
  };
}

export function prepareUpsertJourneyMap(db: Database.Database) {
  const statement = db.prepare(`
    INSERT INTO journey_maps (project_id, stages, updated_at) VALUES (?, ?, ?)
    ON CONFLICT (project_id) DO UPDATE SET stages = excluded.stages, updated_at = excluded.updated_at
  `);
  return (projectRowId: number, stages: ReadonlyArray<JourneyStage>, now: number): void => {
    statement.run(projectRowId, JSON.stringify(stages), now);
  };
}
