import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import {
  describeValidationIssues,
  eventSchema,
  getValidationIssues,
  parseEvent,
  type Event,
} from '@parcours/schema';
import { UsageError, type CliIo } from './CliIo.js';
import { DB_OPTION } from './dbOption.js';
import { requireProject } from './requireProject.js';
import { withCliStore } from './withCliStore.js';
import { describeDatabase } from './openCliStore.js';

export const IMPORT_HELP = `Usage: parcours import FILE.ndjson --project ID [--db ./parcours.db | --clickhouse URL]

Bulk-loads events of the wire shape, one JSON object a line (offline touchpoints,
CRM exports, call-centre logs). Prints one JSON line:
  {"imported":n,"duplicates":m,"rejected":k}
Each rejected line is reported on stderr with its line number and reason; the
valid lines still land. An event id already stored is counted as a duplicate, so
importing the same file twice is safe. Exit code 1 when any line was rejected,
or when the project or the database does not exist. The import is local and
trusted (you hold the database file): events of every consent category are
stored, as the collector does only for an ingest key.

Options:
  --project ID  the project to load into (required)
  --db FILE     SQLite database file (default ./parcours.db)
  --clickhouse URL  a ClickHouse database instead (http://127.0.0.1:8123/parcours;
                also PARCOURS_CLICKHOUSE_URL)
  --help        show this help`;

/** Events per store call: big enough to amortise a commit, small enough to stream. */
const CHUNK = 5_000;

/**
 * `parcours import`: streams an NDJSON file of events into a project, in chunks. It
 * writes to the store directly, without the collector's consent filter: whoever runs
 * it already holds the database, so it is as trusted as an `ingest` key.
 */
export async function importCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { project: { type: 'string' }, ...DB_OPTION },
    allowPositionals: true,
    strict: true,
  });
  const [file, ...extra] = positionals;
  if (file === undefined || extra.length > 0) throw new UsageError('give exactly one FILE to import');
  if (!values.project) throw new UsageError('--project is required');
  const projectId = values.project;

  return withCliStore(values, { mustExist: true }, async (store) => {
    await requireProject(store, projectId, describeDatabase(values));
    const totals = { imported: 0, duplicates: 0, rejected: 0 };
    let chunk: Event[] = [];
    const flush = async () => {
      const { accepted, duplicates } = await store.insertEvents(projectId, chunk);
      totals.imported += accepted;
      totals.duplicates += duplicates;
      chunk = [];
    };
    const lines = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
    let lineNumber = 0;
    for await (const line of lines) {
      lineNumber++;
      if (line.trim() === '') continue;
      const reason = parseLine(line, chunk);
      if (reason !== undefined) {
        totals.rejected++;
        io.err(`${file}:${lineNumber}: ${reason}`);
      }
      if (chunk.length >= CHUNK) await flush();
    }
    await flush();
    io.out(JSON.stringify(totals));
    return totals.rejected > 0 ? 1 : 0;
  });
}

/** Appends the line's event to `into`, or returns why it was rejected. */
function parseLine(line: string, into: Event[]): string | undefined {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return 'not valid JSON';
  }
  const event = parseEvent(value);
  if (event !== undefined) {
    into.push(event);
    return undefined;
  }
  const result = eventSchema.safeParse(value);
  return result.success ? 'invalid event' : describeValidationIssues(getValidationIssues(result.error));
}
