import { parseArgs } from 'node:util';
import { openSqliteStore } from '@parcours/store';
import { UsageError, type CliIo } from './CliIo.js';

export const PROJECT_CREATE_HELP = `Usage: parcours project create --name NAME [--db ./parcours.db]

Creates a project and prints one JSON line: {"projectId":…,"writeKey":…,"secretKey":…}.
The write key goes in your pages; the secret key opens the read API and the
dashboard. Keep the secret key: only its hash is stored, it cannot be shown again.

Options:
  --name NAME  the project's name (required)
  --db FILE    SQLite database file (default ./parcours.db)
  --help       show this help`;

export async function projectCreateCommand(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { name: { type: 'string' }, db: { type: 'string', default: './parcours.db' } },
    strict: true,
  });
  const name = values.name?.trim();
  if (!name) throw new UsageError('--name is required');
  const store = openSqliteStore({ filename: values.db });
  try {
    io.out(JSON.stringify(await store.createProject({ name })));
  } finally {
    await store.close();
  }
  return 0;
}
