/** Where a command writes: real streams in the CLI, buffers in tests. */
export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
}

export const processIo: CliIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

/** A usage error: the CLI prints it with the command's help and exits 2. */
export class UsageError extends Error {}
