import type { ConsentCategory, Event, EventType, Properties } from '@parcours/schema';

/** An `events` row as the timeline queries select it. */
export interface EventRow {
  event_id: string;
  type: string;
  name: string;
  anonymous_id: string;
  user_id: string | null;
  timestamp: number;
  channel: string | null;
  category: string | null;
  properties: string | null;
  context: string | null;
}

/** Back to the wire shape, leaving absent fields absent. */
export function toEvent(row: EventRow): Event {
  const event: Event = {
    id: row.event_id,
    type: row.type as EventType,
    name: row.name,
    anonymousId: row.anonymous_id,
    timestamp: row.timestamp,
  };
  if (row.user_id !== null) event.userId = row.user_id;
  if (row.channel !== null) event.channel = row.channel;
  if (row.category !== null) event.category = row.category as ConsentCategory;
  if (row.properties !== null) event.properties = JSON.parse(row.properties) as Properties;
  if (row.context !== null) event.context = JSON.parse(row.context) as Properties;
  return event;
}
