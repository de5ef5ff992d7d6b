/**
 * Splits a `--clickhouse` URL into the server's HTTP interface and the database its
 * path names: `http://127.0.0.1:8123/parcours` → `{ url: 'http://127.0.0.1:8123',
 * database: 'parcours' }`. No path means the database `parcours`. Credentials in the
 * URL (`http://user:password@host:8123/db`) stay on the server URL. Throws a
 * `RangeError` naming the problem for anything else.
 */
export function parseClickHouseUrl(text: string): { url: string; database: string } {
  let parsed: URL;
  try {
    parsed = new URL(text);
  } catch {
    throw new RangeError(`--clickhouse must be a URL like http://127.0.0.1:8123/parcours (got "${text}")`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new RangeError(`--clickhouse must be an http:// or https:// URL (got "${text}")`);
  }
  const path = parsed.pathname.replace(/^\/+|\/+$/g, '');
  const database = path === '' ? 'parcours' : decodeURIComponent(path);
  if (!/^[A-Za-z_][A-Za-z0-9_]{0,63}$/.test(database)) {
    throw new RangeError(
      `the path of --clickhouse names the database: letters, digits and _ (got "${database}")`,
    );
  }
  if (parsed.search !== '' || parsed.hash !== '') {
    throw new RangeError(`--clickhouse takes no query or fragment (got "${text}")`);
  }
  parsed.pathname = '';
  return { url: parsed.toString().replace(/\/$/, ''), database };
}
