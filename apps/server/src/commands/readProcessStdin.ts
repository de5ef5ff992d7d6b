import { Writable } from 'node:stream';
import { createInterface } from 'node:readline';

/**
 * The first line of the process's standard input. Piped (`printf '%s\n' "$PW" |
 * parcours user create …`), it is read as is; on a terminal, the user is prompted on
 * stderr and what they type is not echoed.
 */
export async function readProcessStdin(): Promise<string> {
  const terminal = process.stdin.isTTY === true;
  if (terminal) process.stderr.write('Password (not shown), then Enter: ');
  // On a terminal readline echoes through `output`: give it a sink that drops everything.
  const silent = new Writable({ write: (_chunk, _encoding, done) => done() });
  const lines = createInterface({ input: process.stdin, output: silent, terminal, crlfDelay: Infinity });
  // In raw mode Ctrl-C reaches readline, not the process: keep it an interruption.
  lines.on('SIGINT', () => {
    process.stderr.write('\n');
    process.exit(130);
  });
  try {
    for await (const line of lines) return line;
    return '';
  } finally {
    lines.close();
    if (terminal) process.stderr.write('\n');
  }
}
