import { once } from 'node:events';
import type { Server } from 'node:net';
import { CliError } from './CliIo.js';

/**
 * Starts `server` listening, or rejects with a {@link CliError} of one line saying
 * why it cannot (port taken, privileged port, unknown address) instead of a stack.
 */
export async function listen(server: Server, port: number, host: string | undefined): Promise<void> {
  const listening = once(server, 'listening');
  server.listen(port, host);
  try {
    await listening;
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    if (code === 'EADDRINUSE')
      throw new CliError(`port ${port} is already in use (try --port 0 or another port)`);
    if (code === 'EACCES') throw new CliError(`port ${port} needs more privileges (try a port above 1023)`);
    throw new CliError(`cannot listen on ${host ?? 'every interface'} port ${port}: ${message}`);
  }
}
