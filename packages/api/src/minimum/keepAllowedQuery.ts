/**
 * Which query parameters a stored URL keeps, compiled once per batch from the
 * project's allow-list: exact names, and prefixes for the patterns ending in `*`
 * (`utm_*`). Names are compared in lower case.
 */
export interface QueryAllowList {
  exact: ReadonlySet<string>;
  prefixes: readonly string[];
}

/** Compiles allow-list patterns (`utm_*`, `ref`: see `CollectionSettings.queryAllowList`). */
export function compileQueryAllowList(patterns: readonly string[]): QueryAllowList {
  const exact = new Set<string>();
  const prefixes: string[] = [];
  for (const pattern of patterns) {
    const lower = pattern.toLowerCase();
    if (lower.endsWith('*')) prefixes.push(lower.slice(0, -1));
    else exact.add(lower);
  }
  return { exact, prefixes };
}

function decodeName(raw: string): string {
  // Most names need no decoding; decodeURIComponent and its try are the slow part.
  if (!raw.includes('%') && !raw.includes('+')) return raw.toLowerCase();
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' ')).toLowerCase();
  } catch {
    // Malformed percent-encoding: compare as written (it matches no sane pattern).
    return raw.toLowerCase();
  }
}

function isAllowed(name: string, allow: QueryAllowList): boolean {
  return allow.exact.has(name) || allow.prefixes.some((prefix) => name.startsWith(prefix));
}

/**
 * The URL with only the allowed query parameters, in their order and encoding, and
 * without its fragment: a fragment never reaches a server, and it is where OAuth's
 * implicit flow and many single-page apps put tokens. Works on the text, not on
 * `new URL()`: a relative URL or a path must be cut the same way, and nothing else of
 * the URL is rewritten. A URL without `?` or `#` comes back unchanged.
 */
export function keepAllowedQuery(url: string, allow: QueryAllowList): string {
  const hash = url.indexOf('#');
  const withoutHash = hash === -1 ? url : url.slice(0, hash);
  const question = withoutHash.indexOf('?');
  if (question === -1) return withoutHash;
  const kept = withoutHash
    .slice(question + 1)
    .split('&')
    .filter((pair) => {
      const equals = pair.indexOf('=');
      const name = decodeName(equals === -1 ? pair : pair.slice(0, equals));
      return name !== '' && isAllowed(name, allow);
    });
  const base = withoutHash.slice(0, question);
  return kept.length === 0 ? base : `${base}?${kept.join('&')}`;
}
