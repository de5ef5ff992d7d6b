import { createHash, createHmac } from 'node:crypto';

/**
 * JSON with object keys sorted recursively (by UTF-16 code units, as `Array.sort`)
 * and no white space: the same value always gives the same text, so its SHA-256 can
 * be published and checked by anyone (ISSUE 8: `configHash`, the ledger's hashes).
 * `undefined` members are left out, as `JSON.stringify` does.
 */
export function toCanonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((item) => toCanonicalJson(item ?? null)).join(',')}]`;
  const record = value as Record<string, unknown>;
  const members = Object.keys(record)
    .filter((key) => record[key] !== undefined)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${toCanonicalJson(record[key])}`);
  return `{${members.join(',')}}`;
}

/** SHA-256 of the text's UTF-8 bytes, lower-case hex. */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** HMAC-SHA256 of the text's UTF-8 bytes under a hex key, lower-case hex. */
export function hmacSha256Hex(keyHex: string, text: string): string {
  return createHmac('sha256', Buffer.from(keyHex, 'hex')).update(text, 'utf8').digest('hex');
}
