/**
 * One CSV field (RFC 4180): quoted when it holds a comma, quote or line break. A
 * value starting with `=`, `+`, `-`, `@`, tab or carriage return is prefixed with `'`
 * so a spreadsheet opening the export does not run it as a formula (OWASP CSV injection).
 */
export function toCsvField(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A CSV document: a header row, then one row per record, CRLF line ends. */
export function toCsv(
  header: readonly string[],
  rows: ReadonlyArray<ReadonlyArray<string | number | boolean | null | undefined>>,
): string {
  return [header, ...rows].map((row) => row.map(toCsvField).join(',')).join('\r\n') + '\r\n';
}
