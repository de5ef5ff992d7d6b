import { InvalidCursorError } from '../InvalidCursorError.js';
import { PERSON_SORTS, type PersonSort, type PersonsQuery } from './personTypes.js';

/** The version tag of persons-list cursors: a future format can tell old cursors apart. */
const PREFIX = 'p1.';
const BASE64URL = /^[A-Za-z0-9_-]+$/;
const MAX_PERSON_ID_LENGTH = 1_024;

/** Where a page of a persons list ended: the last row's sort key and person id, for one sort and order. */
export interface PersonsCursor {
  sort: PersonSort;
  order: 'asc' | 'desc';
  /** The sort key of the last row (0 when sorting by person id). */
  key: number;
  personId: string;
}

/**
 * The cursor after a row of a persons list, base64url-encoded behind a version tag so
 * that it reads as opaque. It holds a position, not a person: the next page starts
 * strictly after it even if that person has since been erased.
 */
export function encodePersonsCursor(cursor: PersonsCursor): string {
  const json = JSON.stringify([cursor.sort, cursor.order, cursor.key, cursor.personId]);
  return PREFIX + Buffer.from(json, 'utf8').toString('base64url');
}

/** The position a cursor made by {@link encodePersonsCursor} holds, or undefined for anything else. */
export function decodePersonsCursor(cursor: string): PersonsCursor | undefined {
  if (!cursor.startsWith(PREFIX)) return undefined;
  const encoded = cursor.slice(PREFIX.length);
  if (!BASE64URL.test(encoded)) return undefined;
  const bytes = Buffer.from(encoded, 'base64url');
  // Node's decoder skips what it cannot read: only a cursor that encodes back to itself is one.
  if (bytes.toString('base64url') !== encoded) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return undefined;
  }
  if (!Array.isArray(parsed) || parsed.length !== 4) return undefined;
  const [sort, order, key, personId] = parsed as unknown[];
  if (!PERSON_SORTS.includes(sort as PersonSort)) return undefined;
  if (order !== 'asc' && order !== 'desc') return undefined;
  if (typeof key !== 'number' || !Number.isFinite(key)) return undefined;
  if (typeof personId !== 'string' || personId.length < 1 || personId.length > MAX_PERSON_ID_LENGTH) {
    return undefined;
  }
  return { sort: sort as PersonSort, order, key, personId };
}

/**
 * The position a persons query starts after (undefined without a cursor), for every
 * engine alike. Throws `InvalidCursorError` for a cursor that is not a `nextCursor` of
 * the same sort and order.
 */
export function readPersonsCursor(query: PersonsQuery): PersonsCursor | undefined {
  if (query.cursor === undefined) return undefined;
  const cursor = decodePersonsCursor(query.cursor);
  if (
    cursor === undefined ||
    cursor.sort !== (query.sort ?? 'lastSeen') ||
    cursor.order !== (query.order ?? 'desc')
  ) {
    throw new InvalidCursorError('not a cursor of this persons list and order: start again without one');
  }
  return cursor;
}
