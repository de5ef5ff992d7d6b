import { importCommand, IMPORT_HELP } from './commands/importCommand.js';
import { keyCreateCommand, KEY_CREATE_HELP } from './commands/keyCreateCommand.js';
import { keyListCommand, KEY_LIST_HELP } from './commands/keyListCommand.js';
import { keyRevokeCommand, KEY_REVOKE_HELP } from './commands/keyRevokeCommand.js';
import { memberAddCommand, MEMBER_ADD_HELP } from './commands/memberAddCommand.js';
import { memberListCommand, MEMBER_LIST_HELP } from './commands/memberListCommand.js';
import { memberRemoveCommand, MEMBER_REMOVE_HELP } from './commands/memberRemoveCommand.js';
import { projectCreateCommand, PROJECT_CREATE_HELP } from './commands/projectCreateCommand.js';
import { projectIdentityCommand, PROJECT_IDENTITY_HELP } from './commands/projectIdentityCommand.js';
import { projectListCommand, PROJECT_LIST_HELP } from './commands/projectListCommand.js';
import { privacyEraseCommand, PRIVACY_ERASE_HELP } from './commands/privacyEraseCommand.js';
import { privacyExportCommand, PRIVACY_EXPORT_HELP } from './commands/privacyExportCommand.js';
import { privacyPurgeCommand, PRIVACY_PURGE_HELP } from './commands/privacyPurgeCommand.js';
import { privacyVerifyCommand, PRIVACY_VERIFY_HELP } from './commands/privacyVerifyCommand.js';
import { readVersion } from './commands/readVersion.js';
import { startCommand, START_HELP } from './commands/startCommand.js';
import { userCreateCommand, USER_CREATE_HELP } from './commands/userCreateCommand.js';
import { userListCommand, USER_LIST_HELP } from './commands/userListCommand.js';
import { userResetPasswordCommand, USER_RESET_PASSWORD_HELP } from './commands/userResetPasswordCommand.js';
import { CliError, processIo, UsageError, type CliIo } from './commands/CliIo.js';

const HELP = `Usage: parcours <command> [options]

Commands:
  start                serve the collector, the read API, the dashboard and /sdk.js
  project create       create a project and print its keys as JSON
  project list         list the projects
  project identity     show or change a project's signed identities (secret, requirement)
  import FILE          bulk-load an NDJSON file of events into a project
  user create          create a user account (password on stdin)
  user list            list the users
  user reset-password  set a user's password (on stdin) and sign them out everywhere
  member add           give a user a role in a project
  member list          list a project's members
  member remove        take a user out of a project
  key create           create a scoped secret key for the API
  key list             list a project's secret keys (never the keys)
  key revoke           revoke a secret key
  privacy export       print everything stored about one person (JSON)
  privacy erase        erase one person's data and print the receipt
  privacy purge        apply a project's retention now and print the receipt
  privacy verify       check a project's consent ledger (exit 1 if a record was altered)

Every command prints one JSON line on stdout (but start) and takes --db FILE
(default ./parcours.db) and --skip-check (open without PRAGMA quick_check, for a
very large database). A database that cannot be used (corrupt, read-only, newer
schema…) is named on one line of stderr, exit code 1. Exit codes: 0 done, 1 failed
(unknown project or user, unusable database…), 2 usage error. "parcours --version"
prints the version.
Run "parcours <command> --help" for a command's options.`;

interface Command {
  help: string;
  run: (argv: string[], io: CliIo) => Promise<number>;
}

const COMMANDS: Record<string, Command> = {
  start: { help: START_HELP, run: startCommand },
  'project create': { help: PROJECT_CREATE_HELP, run: projectCreateCommand },
  'project list': { help: PROJECT_LIST_HELP, run: projectListCommand },
  'project identity': { help: PROJECT_IDENTITY_HELP, run: projectIdentityCommand },
  import: { help: IMPORT_HELP, run: importCommand },
  'user create': { help: USER_CREATE_HELP, run: userCreateCommand },
  'user list': { help: USER_LIST_HELP, run: userListCommand },
  'user reset-password': { help: USER_RESET_PASSWORD_HELP, run: userResetPasswordCommand },
  'member add': { help: MEMBER_ADD_HELP, run: memberAddCommand },
  'member list': { help: MEMBER_LIST_HELP, run: memberListCommand },
  'member remove': { help: MEMBER_REMOVE_HELP, run: memberRemoveCommand },
  'key create': { help: KEY_CREATE_HELP, run: keyCreateCommand },
  'key list': { help: KEY_LIST_HELP, run: keyListCommand },
  'key revoke': { help: KEY_REVOKE_HELP, run: keyRevokeCommand },
  'privacy export': { help: PRIVACY_EXPORT_HELP, run: privacyExportCommand },
  'privacy erase': { help: PRIVACY_ERASE_HELP, run: privacyEraseCommand },
  'privacy purge': { help: PRIVACY_PURGE_HELP, run: privacyPurgeCommand },
  'privacy verify': { help: PRIVACY_VERIFY_HELP, run: privacyVerifyCommand },
};

/** The commands named by two words: `parcours user create`, `parcours key list`… */
const GROUPS = new Set(
  Object.keys(COMMANDS).flatMap((name) => (name.includes(' ') ? [name.split(' ')[0]] : [])),
);

const isHelp = (arg: string | undefined) => arg === '--help' || arg === '-h' || arg === 'help';

/**
 * The `parcours` CLI. Returns the exit code: 0 success, 1 the command ran but
 * reports a failure (unknown project or user, port in use, rejected import lines),
 * 2 a usage error.
 */
export async function runCli(argv: string[], io: CliIo = processIo): Promise<number> {
  if (argv[0] === '--version' || argv[0] === '-v' || argv[0] === 'version') {
    io.out(JSON.stringify({ version: readVersion() }));
    return 0;
  }
  const group = argv[0] !== undefined && GROUPS.has(argv[0]);
  const name = group ? `${argv[0]} ${argv[1] ?? ''}`.trim() : argv[0];
  const command = name === undefined ? undefined : COMMANDS[name];
  if (command === undefined) {
    // `parcours`, `parcours --help`, `parcours user --help`: the list of commands.
    const asked = name === undefined || isHelp(name) || (group && isHelp(argv[1]));
    if (!asked) io.err(`parcours: unknown command "${name}"\n`);
    (asked ? io.out : io.err)(HELP);
    return asked ? 0 : 2;
  }
  const rest = argv.slice(group ? 2 : 1);
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(command.help);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof CliError) {
      io.err(`parcours ${name}: ${error.message}`);
      return 1;
    }
    // parseArgs throws TypeErrors with a code for unknown or malformed options.
    const isUsage =
      error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    if (!isUsage) throw error;
    io.err(`parcours ${name}: ${(error as Error).message}\n`);
    io.err(command.help);
    return 2;
  }
}
