import { parseArgs } from 'node:util';
import { UsageError, type CliIo } from './CliIo.js';
import { DB_OPTION } from './dbOption.js';
import { requireProject } from './requireProject.js';
import { withCliStore } from './withCliStore.js';
import { describeDatabase } from './openCliStore.js';

export const KEY_LIST_HELP = `Usage: parcours key list --project ID [--db ./parcours.db]

Prints a project's secret keys as one JSON line, never the keys themselves:
  {"keys":[{"keyId":…,"prefix":"sk_Ab12x","label":…,"scope":…,"createdAt":…,"lastUsedAt":…}]}

Options:
  --project ID  the project (required)
  --db FILE     SQLite database file (default ./parcours.db)
  --help        show this help`;

/** `parcours key list`: which keys open a project, recognisable by their first characters. */
export async function keyListCommand(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { project: { type: 'string' }, ...DB_OPTION },
    strict: true,
  });
  const projectId = values.project;
  if (!projectId) throw new UsageError('--project is required');
  return withCliStore(values, { mustExist: true }, async (store) => {
    await requireProject(store, projectId, describeDatabase(values));
    const keys = (await store.listSecretKeys(projectId)).map(
      ({ keyId, prefix, label, scope, createdAt, lastUsedAt }) => ({
        keyId,
        prefix,
        label,
        scope,
        createdAt,
        lastUsedAt,
      }),
    );
    io.out(JSON.stringify({ keys }));
    return 0;
  });
}
