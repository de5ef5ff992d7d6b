import type { ConsentCategory, EventType, Properties } from '@parcours/schema';
import type { StoredEvent } from '../../Store.js';

/** An `events` row as the timeline queries select it. */
export interface EventRow {
  event_id: string;
  type: string;
  name: string;
  anonymous_id: string;
  user_id: string | null;
  claimed_user_id: string | null;
  timestamp: number;
  channel: string | null;
  category: string | null;
  properties: string | null;
  context: string | null;
}

/** Back to the wire shape, leaving absent fields absent. */
export function toEvent(row: EventRow): StoredEvent {
  const event: StoredEvent = {
    id: row.event_id,
    type: row.type as EventType,
    name: row.name,
    anonymousId: row.anonymous_id,
    timestamp: row.timestamp,
  };
  if (row.user_id !== null) event.userId = row.user_id;
  if (row.claimed_user_id !== null) event.claimedUserId = row.claimed_user_id;
  if (row.channel !== null) event.channel = row.channel;
  if (row.category !== null) event.category = row.category as ConsentCategory;
  if (row.properties !== null) event.properties = JSON.parse(row.properties) as Properties;
  if (row.context !== null) event.context = JSON.parse(row.context) as Properties;
  return event;
}
