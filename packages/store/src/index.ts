export type {
  CreatedProject,
  Person,
  PersonRef,
  PersonTimeline,
  Project,
  Store,
  TimelineOptions,
} from './Store.js';
export { openSqliteStore, type SqliteStoreOptions } from './sqlite/openSqliteStore.js';
