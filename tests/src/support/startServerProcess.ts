import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { PARCOURS_BIN } from './paths.js';

export interface ServerProcess {
  /** `http://127.0.0.1:PORT`. */
  origin: string;
  child: ChildProcess;
  /** What the server wrote to stderr so far. */
  stderr: () => string;
  stop: () => Promise<void>;
}

/**
 * `parcours start` in a process of its own on a database file, listening on a free
 * loopback port: what a user runs, measured from outside.
 */
export async function startServerProcess(db: string, args: string[] = []): Promise<ServerProcess> {
  const child = spawn(
    process.execPath,
    [PARCOURS_BIN, 'start', '--port', '0', '--host', '127.0.0.1', '--db', db, ...args],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  let err = '';
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const origin = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const port = /listening on http:\/\/localhost:(\d+)/.exec(out)?.[1];
      if (port !== undefined) resolve(`http://127.0.0.1:${port}`);
    });
    child.once('exit', (code) => reject(new Error(`parcours start exited (${code}): ${err}`)));
  });
  return {
    origin,
    child,
    stderr: () => err,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
  };
}
