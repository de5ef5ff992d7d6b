import type { Event } from '@parcours/schema/types';
import { attempt } from './attempt.js';

/** Session: id, time of last activity, channel, campaign key. Stored, so short keys. */
export interface Session {
  i: string;
  t: number;
  c: string;
  k: string;
}

/**
 * What a tracker keeps under `STATE_KEY`, with short keys (it is written often): anonymous
 * id, user id, user hash, session, queue, count of dropped events. Storage is shared with
 * every script of the site, older SDK versions and the person's own tools, so a read
 * trusts none of it (see `isStoredEvent`, `getText`, `isSession`).
 */
export interface State {
  a?: string;
  u?: string;
  h?: string;
  s?: Session;
  q: Event[];
  d: number;
}

/** What may be stored under a type's keys, before any check: anything (a session, too). */
export type Unchecked<T> = { [K in keyof T]?: unknown } & { s?: { i?: unknown; c?: unknown } };

/** JSON, or `undefined` for anything that is not. */
export const parse = (text: unknown) => attempt(() => JSON.parse(text as string));

export const isText = (value: unknown): value is string => typeof value == 'string';

/**
 * True when each value is a string or absent: the stored ids, and the session's id and
 * channel, which go on the wire (the rest of a session only decides when it ends, and a
 * session without a numeric time simply ends).
 */
export const isIdentity = (...values: unknown[]) => values.every((value) => value == null || isText(value));

/**
 * An event as the tracker stored it: string id, name and type. Anything else is dropped
 * (and counted) rather than sent: the collector refuses a whole batch for one malformed
 * event. A missing anonymous id is given this device's on adoption.
 */
export const isStoredEvent = (event: Partial<Event> | null): event is Event =>
  isText(event?.id) && isText(event.name) && isText(event.type);
