import { formatPath } from '@parcours/schema';

const strict = new TextDecoder('utf-8', { fatal: true });
const lenient = new TextDecoder('utf-8');

/** The path of the first key or string value holding U+FFFD, depth first, in document order. */
function findReplacedString(value: unknown, path: PropertyKey[]): PropertyKey[] | undefined {
  if (typeof value === 'string') return value.includes('\uFFFD') ? path : undefined;
  if (typeof value !== 'object' || value === null) return undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findReplacedString(value[i], [...path, i]);
      if (found) return found;
    }
    return undefined;
  }
  for (const [key, item] of Object.entries(value)) {
    if (key.includes('\uFFFD')) return [...path, key];
    const found = findReplacedString(item, [...path, key]);
    if (found) return found;
  }
  return undefined;
}

/**
 * Decodes a request body as UTF-8, refusing bytes that are not: silently stored as
 * U+FFFD they would change what the client sent. The message names the field when
 * the body is JSON: decoded again leniently, the first string holding U+FFFD is
 * where the bad bytes were (unless the client also sent a genuine U+FFFD earlier).
 */
export function decodeUtf8Body(body: Buffer): { text: string } | { problem: string } {
  try {
    return { text: strict.decode(body) };
  } catch {
    let path: PropertyKey[] | undefined;
    try {
      path = findReplacedString(JSON.parse(lenient.decode(body)), []);
    } catch {
      path = undefined;
    }
    return {
      problem:
        path === undefined || path.length === 0
          ? 'The request body is not valid UTF-8'
          : `${formatPath(path)} is not valid UTF-8: strings must be sent as UTF-8`,
    };
  }
}
