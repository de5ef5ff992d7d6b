/**
 * SQL literals for ClickHouse 18.16, which has no server-side query parameters
 * (`{name:Type}` arrived in 19.x): every value that reaches a query goes through one
 * of these, never through string concatenation of its own. Tested against a real
 * server with hostile strings (`sqlLiteral.test.ts`).
 */

/** A string literal: backslashes and single quotes escaped, as ClickHouse's lexer reads them. */
export function quoteString(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** A finite number as an Int64 literal; anything else is a programming error upstream. */
export function quoteInteger(value: number): string {
  if (!Number.isSafeInteger(value)) throw new RangeError(`not a safe integer for SQL: ${value}`);
  return String(value);
}

/** A database name (the only identifier taken from configuration): letters, digits and `_`. */
export function quoteDatabaseName(name: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]{0,63}$/.test(name)) {
    throw new RangeError(`a ClickHouse database name is letters, digits and _ (got ${JSON.stringify(name)})`);
  }
  return name;
}
