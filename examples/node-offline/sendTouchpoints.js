// Sends offline touchpoints (store visits, call-centre contacts, CRM exports) from a CSV
// file with @parcours/sdk/node.
//
//   node examples/node-offline/sendTouchpoints.js touchpoints.csv --write-key wk_… [--host http://localhost:4000]
//
// Columns: timestamp (ISO 8601), userId or anonymousId, channel, name; every other
// non-empty column becomes a property (numbers stay numbers). Prints one JSON line.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createTracker } from '@parcours/sdk/node';

/** Parses RFC 4180 CSV: quoted fields, doubled quotes, commas and newlines inside quotes. */
export function parseCsv(text) {
  const rows = [[]];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') ((field += '"'), i++);
      else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') (rows.at(-1).push(field), (field = ''));
    else if (char === '\n') (rows.at(-1).push(field.replace(/\r$/, '')), rows.push([]), (field = ''));
    else field += char;
  }
  if (field || rows.at(-1).length) rows.at(-1).push(field);
  const [header, ...lines] = rows.filter((row) => row.some((cell) => cell !== ''));
  return lines.map((cells) => Object.fromEntries(header.map((name, i) => [name, cells[i] ?? ''])));
}

const IDENTITY = new Set(['timestamp', 'userId', 'anonymousId', 'channel', 'name']);

/**
 * Tracks every row and waits until the collector has acknowledged them.
 * Consent for these touchpoints was collected in store or on the phone, so it is given
 * up front (`consent: ['analytics']`). Resolves to `{ sent, skipped }`.
 */
export async function sendTouchpoints({ csv, writeKey, host }) {
  const tracker = createTracker({
    writeKey,
    host,
    consent: ['analytics'],
    context: { source: 'csv-import' },
  });
  let sent = 0;
  let skipped = 0;
  for (const row of parseCsv(csv)) {
    const timestamp = Date.parse(row.timestamp);
    if (!row.name || Number.isNaN(timestamp) || !(row.userId || row.anonymousId)) {
      skipped++;
      continue;
    }
    const properties = {};
    for (const [key, value] of Object.entries(row)) {
      if (!IDENTITY.has(key) && value !== '')
        properties[key] = !Number.isNaN(Number(value)) ? Number(value) : value;
    }
    tracker.track(row.name, properties, {
      timestamp,
      userId: row.userId || undefined,
      anonymousId: row.anonymousId || undefined,
      channel: row.channel || undefined,
    });
    sent++;
  }
  await tracker.flush();
  return { sent, skipped };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const option = (name) => args[args.indexOf(name) + 1];
  const file = args.find((arg) => !arg.startsWith('--') && !args[args.indexOf(arg) - 1]?.startsWith('--'));
  if (!file || !args.includes('--write-key')) {
    console.error('usage: node sendTouchpoints.js FILE.csv --write-key KEY [--host http://localhost:4000]');
    process.exit(2);
  }
  const result = await sendTouchpoints({
    csv: readFileSync(file, 'utf8'),
    writeKey: option('--write-key'),
    host: args.includes('--host') ? option('--host') : 'http://localhost:4000',
  });
  console.log(JSON.stringify(result));
  // A collector that stays unreachable keeps retry timers alive; the queue was in memory.
  process.exit(0);
}
