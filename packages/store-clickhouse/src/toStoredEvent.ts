import type { ConsentCategory, EventType, Properties } from '@parcours/schema';
import type { StoredEvent } from '@parcours/store';

/** The columns of an event as the queries that give events back select them (tuples keep this order). */
export const EVENT_COLUMNS = [
  'timestamp',
  'arrival',
  'id',
  'type',
  'name',
  'anonymous_id',
  'user_id',
  'claimed_user_id',
  'channel',
  'category',
  'properties',
  'context',
] as const;

export type EventRow = Record<(typeof EVENT_COLUMNS)[number], string>;

/** Back to the wire shape, leaving absent fields absent ('' stands for "none", see createTables). */
export function toStoredEvent(row: EventRow): StoredEvent {
  const event: StoredEvent = {
    id: row.id,
    type: row.type as EventType,
    name: row.name,
    anonymousId: row.anonymous_id,
    timestamp: Number(row.timestamp),
  };
  if (row.user_id !== '') event.userId = row.user_id;
  if (row.claimed_user_id !== '') event.claimedUserId = row.claimed_user_id;
  if (row.channel !== '') event.channel = row.channel;
  if (row.category !== '') event.category = row.category as ConsentCategory;
  if (row.properties !== '') event.properties = JSON.parse(row.properties) as Properties;
  if (row.context !== '') event.context = JSON.parse(row.context) as Properties;
  return event;
}
