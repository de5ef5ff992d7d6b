const BASE64URL = /^[A-Za-z0-9_-]+$/;
const utf8 = new TextDecoder('utf-8', { fatal: true });
/** The longest position a cursor may carry: cursors travel in URLs. */
const MAX_POSITION_LENGTH = 512;

/**
 * A page cursor, opaque to callers: a tag naming the list and its format version
 * (`c1` for consent records, `a1` for the audit log), a dot, then the engine's own
 * position (a row number for SQLite, a key for another engine) in base64url. Callers
 * treat it as a string to hand back; an engine decodes it with {@link decodePageCursor}.
 */
export function encodePageCursor(tag: string, position: string): string {
  return `${tag}.${Buffer.from(position, 'utf8').toString('base64url')}`;
}

/**
 * The position a cursor made by {@link encodePageCursor} with this tag holds, or
 * undefined for anything else (another tag, not canonical base64url, not UTF-8, too
 * long): the caller then throws `InvalidCursorError`.
 */
export function decodePageCursor(tag: string, cursor: string): string | undefined {
  if (!cursor.startsWith(`${tag}.`)) return undefined;
  const encoded = cursor.slice(tag.length + 1);
  if (!BASE64URL.test(encoded) || encoded.length > (MAX_POSITION_LENGTH * 4) / 3 + 4) return undefined;
  const bytes = Buffer.from(encoded, 'base64url');
  // Node's decoder skips what it cannot read: only a cursor that encodes back to itself is one.
  if (bytes.toString('base64url') !== encoded) return undefined;
  try {
    return utf8.decode(bytes);
  } catch {
    return undefined;
  }
}

/** A row-number position (SQLite's `seq`): a positive safe integer written canonically, or undefined. */
export function parseSeqPosition(position: string | undefined): number | undefined {
  if (position === undefined || !/^[1-9]\d{0,15}$/.test(position)) return undefined;
  const seq = Number(position);
  return Number.isSafeInteger(seq) ? seq : undefined;
}
