import { parseArgs } from 'node:util';
import { hashPassword } from '@parcours/api';
import { StoreConflictError } from '@parcours/store';
import { CLI_ACTOR } from './cliActor.js';
import { CliError, UsageError, type CliIo } from './CliIo.js';
import { DB_OPTION } from './dbOption.js';
import { readNewPassword } from './readNewPassword.js';
import { withCliStore } from './withCliStore.js';

export const USER_CREATE_HELP = `Usage: parcours user create --email EMAIL --name NAME [--db ./parcours.db]

Creates a user account and prints one JSON line: {"userId":…}.
The password is the first line of standard input (at least 10 characters):
  printf '%s\\n' "$PASSWORD" | parcours user create --email ana@example.com --name Ana
On a terminal it is asked for, without echo. Only its scrypt hash is stored.
The instance's first user becomes its administrator and owner of every project.

Options:
  --email EMAIL  the address the user signs in with (required)
  --name NAME    the name shown to other members (required)
  --db FILE      SQLite database file (default ./parcours.db)
  --help         show this help`;

/** `parcours user create`: a new account, its password read from stdin. */
export async function userCreateCommand(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { email: { type: 'string' }, name: { type: 'string' }, ...DB_OPTION },
    strict: true,
  });
  const email = values.email?.trim();
  const name = values.name?.trim();
  if (!email) throw new UsageError('--email is required');
  if (!/^[^\s@]+@[^\s@]+$/.test(email))
    throw new UsageError(`--email must be an email address, got "${email}"`);
  if (!name) throw new UsageError('--name is required');
  // Read and hash before opening the database: a refused password leaves no file behind.
  const passwordHash = await hashPassword(await readNewPassword(io));
  return withCliStore(values, { mustExist: false }, async (store) => {
    let user;
    try {
      user = await store.createUser({ email, name, passwordHash });
    } catch (error) {
      if (error instanceof StoreConflictError)
        throw new CliError(`a user with email ${email} already exists`);
      throw error;
    }
    await store.appendAudit({
      actor: CLI_ACTOR,
      action: 'user.created',
      target: user.email,
      detail: { isAdmin: user.isAdmin },
    });
    io.out(JSON.stringify({ userId: user.userId }));
    return 0;
  });
}
