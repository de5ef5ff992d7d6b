import { once } from 'node:events';
import { createServer } from 'node:net';
import { listen } from './listen.js';

/**
 * Checks, before anything is opened or created, that `port` can be listened on:
 * listens with a bare TCP server and closes it at once. Rejects like {@link listen}.
 */
export async function assertPortFree(port: number, host: string | undefined): Promise<void> {
  const probe = createServer();
  await listen(probe, port, host);
  probe.close();
  await once(probe, 'close');
}
