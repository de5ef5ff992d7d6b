import { parseArgs } from 'node:util';
import type { CliIo } from './CliIo.js';
import { DB_OPTION } from './dbOption.js';
import { withCliStore } from './withCliStore.js';

export const PROJECT_LIST_HELP = `Usage: parcours project list [--db ./parcours.db]

Prints the instance's projects as one JSON line:
  {"projects":[{"projectId":…,"name":…,"writeKey":…,"createdAt":…}]}

Options:
  --db FILE  SQLite database file (default ./parcours.db)
  --help     show this help`;

/** `parcours project list`: every project, with its public write key. */
export async function projectListCommand(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { ...DB_OPTION }, strict: true });
  return withCliStore(values, { mustExist: true }, async (store) => {
    const projects = (await store.getProjects()).map(({ projectId, name, writeKey, createdAt }) => ({
      projectId,
      name,
      writeKey,
      createdAt,
    }));
    io.out(JSON.stringify({ projects }));
    return 0;
  });
}
