import { parseArgs } from 'node:util';
import { hashPassword } from '@parcours/api';
import { CLI_ACTOR } from './cliActor.js';
import { UsageError, type CliIo } from './CliIo.js';
import { DB_OPTION } from './dbOption.js';
import { readNewPassword } from './readNewPassword.js';
import { requireUser } from './requireUser.js';
import { withCliStore } from './withCliStore.js';
import { describeDatabase } from './openCliStore.js';

export const USER_RESET_PASSWORD_HELP = `Usage: parcours user reset-password --email EMAIL [--db ./parcours.db]

Sets a user's password, read from the first line of standard input, and signs them
out everywhere. Prints one JSON line: {"userId":…,"reset":true}.
  printf '%s\\n' "$PASSWORD" | parcours user reset-password --email ana@example.com

Options:
  --email EMAIL  the user's email (required)
  --db FILE      SQLite database file (default ./parcours.db)
  --help         show this help`;

/** `parcours user reset-password`: the way back in for a user who forgot their password. */
export async function userResetPasswordCommand(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { email: { type: 'string' }, ...DB_OPTION },
    strict: true,
  });
  const email = values.email?.trim();
  if (!email) throw new UsageError('--email is required');
  const passwordHash = await hashPassword(await readNewPassword(io));
  return withCliStore(values, { mustExist: true }, async (store) => {
    const user = await requireUser(store, email, describeDatabase(values));
    // No session kept: whoever used the old password is signed out too.
    await store.setPasswordHash(user.userId, passwordHash);
    await store.appendAudit({ actor: CLI_ACTOR, action: 'user.passwordReset', target: user.email });
    io.out(JSON.stringify({ userId: user.userId, reset: true }));
    return 0;
  });
}
