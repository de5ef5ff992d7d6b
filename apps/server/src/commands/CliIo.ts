import { readProcessStdin } from './readProcessStdin.js';

/** Where a command writes, and reads a password from: real streams in the CLI, buffers in tests. */
export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
  /** What the user gave on standard input (a password); absent when there is none to read. */
  readStdin?: () => Promise<string>;
  /** Aborting it stops a long-running command (`start`) as SIGINT or SIGTERM do: for tests. */
  signal?: AbortSignal;
}

/** The process's own stdout, stderr and stdin. */
export const processIo: CliIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  readStdin: readProcessStdin,
};

/** A usage error: the CLI prints it with the command's help and exits 2. */
export class UsageError extends Error {}

/**
 * The command ran but cannot do what was asked (unknown project or user, port in
 * use…): the CLI prints the message as one line on stderr and exits 1.
 */
export class CliError extends Error {}
