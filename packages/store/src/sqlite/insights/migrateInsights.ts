/**
 * Migration 16 (issue 12): saved insights, dashboards and their tiles, annotations.
 * `params` is the page's URL query as a JSON object. At most one default dashboard per
 * project (the partial unique index); a tile goes with its insight or its dashboard.
 */
export const MIGRATE_INSIGHTS = `
  CREATE TABLE insights (
    id INTEGER PRIMARY KEY,
    public_id TEXT NOT NULL UNIQUE,
    project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    description TEXT NOT NULL,
    view TEXT NOT NULL,
    params TEXT NOT NULL,
    created_by TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
  );
  CREATE INDEX insights_by_project ON insights(project_id);
  CREATE TABLE dashboards (
    id INTEGER PRIMARY KEY,
    public_id TEXT NOT NULL UNIQUE,
    project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    description TEXT NOT NULL,
    is_default INTEGER NOT NULL DEFAULT 0,
    created_by TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
  );
  CREATE INDEX dashboards_by_project ON dashboards(project_id);
  CREATE UNIQUE INDEX dashboards_one_default ON dashboards(project_id) WHERE is_default = 1;
  CREATE TABLE dashboard_tiles (
    dashboard_id INTEGER NOT NULL REFERENCES dashboards(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    insight_id INTEGER NOT NULL REFERENCES insights(id) ON DELETE CASCADE,
    PRIMARY KEY (dashboard_id, position)
  ) WITHOUT ROWID;
  CREATE INDEX dashboard_tiles_by_insight ON dashboard_tiles(insight_id);
  CREATE TABLE annotations (
    id INTEGER PRIMARY KEY,
    public_id TEXT NOT NULL UNIQUE,
    project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    from_day TEXT NOT NULL,
    to_day TEXT NOT NULL,
    text TEXT NOT NULL,
    touchpoint TEXT,
    created_by TEXT NOT NULL,
    created_at INTEGER NOT NULL
  );
  CREATE INDEX annotations_by_project ON annotations(project_id, from_day);
`;
