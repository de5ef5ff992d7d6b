import { parseArgs } from 'node:util';
import type { CliIo } from './CliIo.js';
import { DB_OPTION } from './dbOption.js';
import { withCliStore } from './withCliStore.js';

export const USER_LIST_HELP = `Usage: parcours user list [--db ./parcours.db]

Prints the instance's users as one JSON line:
  {"users":[{"userId":…,"email":…,"name":…,"isAdmin":…,"createdAt":…}]}

Options:
  --db FILE  SQLite database file (default ./parcours.db)
  --help     show this help`;

/** `parcours user list`: every account of the instance, never a password hash. */
export async function userListCommand(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { ...DB_OPTION }, strict: true });
  return withCliStore(values, { mustExist: true }, async (store) => {
    const users = (await store.listUsers()).map(({ userId, email, name, isAdmin, createdAt }) => ({
      userId,
      email,
      name,
      isAdmin,
      createdAt,
    }));
    io.out(JSON.stringify({ users }));
    return 0;
  });
}
