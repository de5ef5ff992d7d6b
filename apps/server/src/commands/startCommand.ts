import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { openSqliteStore } from '@parcours/store';
import { createServer } from '../createServer.js';
import { seedDemoProject } from '../demo/seedDemoProject.js';
import type { CliIo } from './CliIo.js';
import { UsageError } from './CliIo.js';

export const START_HELP = `Usage: parcours start [--port 4000] [--host HOST] [--db ./parcours.db] [--demo]

Starts Parcours: the collector (POST /trpc/collect), the read API (/trpc/journeys.*),
the dashboard (/) and the SDK script (/sdk.js), on one SQLite file.

Options:
  --port N     port to listen on (default 4000; 0 picks a free one)
  --host HOST  address to listen on (default: every interface)
  --db FILE    SQLite database file, created if missing (default ./parcours.db)
  --demo       fill an empty database with a demo project of synthetic omnichannel
               journeys, and print its keys and a signed-in dashboard URL
  --help       show this help`;

/** `parcours start`: serves until SIGINT/SIGTERM, then flushes and closes the store. */
export async function startCommand(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string', default: '4000' },
      host: { type: 'string' },
      db: { type: 'string', default: './parcours.db' },
      demo: { type: 'boolean', default: false },
    },
    strict: true,
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new UsageError(`--port must be a port number, got "${values.port}"`);
  }
  const store = openSqliteStore({ filename: values.db });
  const demo = values.demo ? await seedDemoProject(store) : undefined;
  const server = createServer({ store });
  server.listen(port, values.host);
  await once(server, 'listening');
  const address = server.address() as AddressInfo;
  const url = `http://localhost:${address.port}`;
  io.out(`Parcours is listening on ${url} (database ${values.db})`);
  if (values.demo && demo === undefined) {
    io.err('--demo: the database already holds other projects; no demo data was added');
  }
  if (demo !== undefined) {
    io.out(
      `Demo project ${demo.projectId}: ${demo.events} touchpoints${demo.created ? ' (just generated)' : ''}`,
    );
    io.out(`  write key:  ${demo.writeKey}`);
    io.out(`  secret key: ${demo.secretKey}`);
  }
  io.out(`Dashboard: ${url}/${demo ? `#key=${demo.secretKey}` : ''}`);

  const stop = async () => {
    server.close();
    server.closeAllConnections();
    await store.close();
  };
  await new Promise<void>((resolve) => {
    const onSignal = () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      void stop().then(resolve);
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
  return 0;
}
