import type Database from 'better-sqlite3';
import type { EventType } from '@parcours/schema';

/** What a person page says of the event that linked a device: its id, type and name. */
export interface LinkEvent {
  eventId: string;
  type: EventType;
  name: string;
}

/** One event of a project by its sequence number (the rowid), or undefined. */
export function prepareGetEventBySeq(db: Database.Database) {
  const statement = db
    .prepare(`SELECT event_id, type, name FROM events WHERE seq = ? AND project_id = ?`)
    .raw();
  return (projectRowId: number, seq: number): LinkEvent | undefined => {
    const row = statement.get(seq, projectRowId) as [string, EventType, string] | undefined;
    return row && { eventId: row[0], type: row[1], name: row[2] };
  };
}
