import { parseArgs } from 'node:util';
import { UsageError, type CliIo } from './CliIo.js';
import { DB_OPTION } from './dbOption.js';
import { requireProject } from './requireProject.js';
import { withCliStore } from './withCliStore.js';
import { describeDatabase } from './openCliStore.js';

export const MEMBER_LIST_HELP = `Usage: parcours member list --project ID [--db ./parcours.db]

Prints a project's members as one JSON line:
  {"members":[{"userId":…,"email":…,"name":…,"role":…,"since":…}]}

Options:
  --project ID  the project (required)
  --db FILE     SQLite database file (default ./parcours.db)
  --help        show this help`;

/** `parcours member list`: who has which role in a project. */
export async function memberListCommand(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { project: { type: 'string' }, ...DB_OPTION },
    strict: true,
  });
  const projectId = values.project;
  if (!projectId) throw new UsageError('--project is required');
  return withCliStore(values, { mustExist: true }, async (store) => {
    await requireProject(store, projectId, describeDatabase(values));
    io.out(JSON.stringify({ members: await store.listMembers(projectId) }));
    return 0;
  });
}
