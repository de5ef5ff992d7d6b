/**
 * A strict RFC 4180 reader for the tests: CRLF records, quoted fields with `""` for a
 * quote; throws on anything else (a bare quote, an unterminated field, a bare LF), so
 * that a test of an export fails on a malformed file.
 */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let i = 0;
  const readField = (): string => {
    if (text[i] !== '"') {
      const start = i;
      while (i < text.length && text[i] !== ',' && text[i] !== '\r') {
        if (text[i] === '"' || text[i] === '\n') throw new Error(`bare ${JSON.stringify(text[i])} at ${i}`);
        i++;
      }
      return text.slice(start, i);
    }
    let value = '';
    i++;
    for (;;) {
      if (i >= text.length) throw new Error('unterminated quoted field');
      if (text[i] === '"' && text[i + 1] === '"') {
        value += '"';
        i += 2;
      } else if (text[i] === '"') {
        i++;
        return value;
      } else value += text[i++];
    }
  };
  while (i < text.length) {
    record.push(readField());
    if (text[i] === ',') {
      i++;
    } else if (text.startsWith('\r\n', i)) {
      records.push(record);
      record = [];
      i += 2;
    } else throw new Error(`expected , or CRLF at ${i}`);
  }
  if (record.length > 0) throw new Error('the last record has no CRLF');
  return records;
}
