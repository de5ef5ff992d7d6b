import { importCommand, IMPORT_HELP } from './commands/importCommand.js';
import { projectCreateCommand, PROJECT_CREATE_HELP } from './commands/projectCreateCommand.js';
import { startCommand, START_HELP } from './commands/startCommand.js';
import { processIo, UsageError, type CliIo } from './commands/CliIo.js';

const HELP = `Usage: parcours <command> [options]

Commands:
  start            serve the collector, the read API, the dashboard and /sdk.js
  project create   create a project and print its keys as JSON
  import FILE      bulk-load an NDJSON file of events into a project

Run "parcours <command> --help" for a command's options.`;

interface Command {
  help: string;
  run: (argv: string[], io: CliIo) => Promise<number>;
}

const COMMANDS: Record<string, Command> = {
  start: { help: START_HELP, run: startCommand },
  'project create': { help: PROJECT_CREATE_HELP, run: projectCreateCommand },
  import: { help: IMPORT_HELP, run: importCommand },
};

/**
 * The `parcours` CLI. Returns the exit code: 0 success, 1 the command ran but
 * reports a failure (rejected import lines), 2 a usage error.
 */
export async function runCli(argv: string[], io: CliIo = processIo): Promise<number> {
  const name = argv[0] === 'project' ? `project ${argv[1] ?? ''}`.trim() : argv[0];
  const command = name === undefined ? undefined : COMMANDS[name];
  if (command === undefined) {
    const asked = name === undefined || name === '--help' || name === '-h' || name === 'help';
    if (!asked) io.err(`parcours: unknown command "${name}"\n`);
    (asked ? io.out : io.err)(HELP);
    return asked ? 0 : 2;
  }
  const rest = argv.slice(name!.split(' ').length);
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(command.help);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    // parseArgs throws TypeErrors with a code for unknown or malformed options.
    const isUsage =
      error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    if (!isUsage) throw error;
    io.err(`parcours ${name}: ${(error as Error).message}\n`);
    io.err(command.help);
    return 2;
  }
}
