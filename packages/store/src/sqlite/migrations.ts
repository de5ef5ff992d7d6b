/**
 * Numbered migrations, applied in order on open. `PRAGMA user_version` holds the
 * number of the last one applied. Never edit a released migration: add one.
 */
export const MIGRATIONS: ReadonlyArray<string> = [
  // 1: projects, keys, events, identity links
  `
  CREATE TABLE projects (
    id INTEGER PRIMARY KEY,
    public_id TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    write_key TEXT NOT NULL UNIQUE,
    created_at INTEGER NOT NULL
  );
  CREATE TABLE secret_keys (
    hash TEXT PRIMARY KEY,
    project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    label TEXT NOT NULL,
    created_at INTEGER NOT NULL
  );
  CREATE INDEX secret_keys_by_project ON secret_keys(project_id, label);
  -- Append-only. seq is the arrival order, the tie-breaker for equal timestamps.
  CREATE TABLE events (
    seq INTEGER PRIMARY KEY,
    project_id INTEGER NOT NULL,
    event_id TEXT NOT NULL,
    type TEXT NOT NULL,
    name TEXT NOT NULL,
    anonymous_id TEXT NOT NULL,
    user_id TEXT,
    timestamp INTEGER NOT NULL,
    channel TEXT,
    category TEXT,
    properties TEXT,
    context TEXT,
    received_at INTEGER NOT NULL
  );
  CREATE UNIQUE INDEX events_by_event_id ON events(project_id, event_id);
  CREATE INDEX events_by_anonymous_id ON events(project_id, anonymous_id, timestamp);
  -- The identity graph: an edge per (anonymous id, user id) ever seen together.
  CREATE TABLE identity_links (
    project_id INTEGER NOT NULL,
    anonymous_id TEXT NOT NULL,
    user_id TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (project_id, anonymous_id, user_id)
  ) WITHOUT ROWID;
  CREATE INDEX identity_links_by_user_id ON identity_links(project_id, user_id);
  `,
  // 2: each project's journey map (ordered stages of touchpoints), as JSON
  `
  CREATE TABLE journey_maps (
    project_id INTEGER PRIMARY KEY REFERENCES projects(id) ON DELETE CASCADE,
    stages TEXT NOT NULL,
    updated_at INTEGER NOT NULL
  );
  `,
  // 3: consent decisions kept as proof for the privacy officer
  `
  CREATE TABLE consent_records (
    seq INTEGER PRIMARY KEY,
    project_id INTEGER NOT NULL,
    record_id TEXT NOT NULL,
    timestamp INTEGER NOT NULL,
    granted TEXT NOT NULL,
    denied TEXT NOT NULL,
    policy_version TEXT NOT NULL,
    source TEXT NOT NULL,
    anonymous_id TEXT,
    user_id TEXT,
    received_at INTEGER NOT NULL
  );
  CREATE UNIQUE INDEX consent_records_by_id ON consent_records(project_id, record_id);
  CREATE INDEX consent_records_by_anonymous_id ON consent_records(project_id, anonymous_id)
    WHERE anonymous_id IS NOT NULL;
  `,
];
