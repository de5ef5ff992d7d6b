import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import type { TokenBucketOptions } from '@parcours/api';
import type { Store } from '@parcours/store';
import { createServer } from '../createServer.js';
import { seedDemoProject, type DemoProject } from '../demo/seedDemoProject.js';
import { createSmtpMailer } from '../mail/createSmtpMailer.js';
import { assertPortFree } from './assertPortFree.js';
import { UsageError, type CliIo } from './CliIo.js';
import { DB_OPTION } from './dbOption.js';
import { listen } from './listen.js';
import { warmUpCollector } from '../http/warmUpCollector.js';
import { getDefaultMemoryCeilingMb } from '../http/ServerLimits.js';
import { getJourneyLimits } from './getJourneyLimits.js';
import { describeDatabase, getClickHouseUrl, openCliStore } from './openCliStore.js';

export const START_HELP = `Usage: parcours start [--port 4000] [--host HOST] [--db ./parcours.db] [--demo]
                      [--trust-proxy] [--session-idle-days 7] [--max-memory-mb N]
                      [--max-connections 1000] [--ip-rate-limit 1000]
                      [--write-key-rate-limit 50000] [--skip-check]
                      [--clickhouse URL]

Starts Parcours: the collector (POST /trpc/collect), the read API (/trpc/journeys.*),
the dashboard (/) and the SDK script (/sdk.js), on one SQLite file.
While the database has no user, prints a one-time link (valid 24 hours, a new one
at each start) to set up the first account, the instance's administrator.

Every project is purged by its retention settings at start and then daily (events
older than its retention, 25 months by default; see parcours privacy purge).

Before serving, the database must open as SQLite, pass PRAGMA quick_check, have a
schema this version knows, and take a write; else parcours exits with code 1 and
one line naming the file, the problem and the fix (missing directory, not a
database, truncated, corrupt, read-only file or directory, newer schema).
While running, a full disk, a read-only or locked database or an I/O error answers
503 with Retry-After (the SDK keeps its batch and sends it again), logged once.

Options:
  --port N                 port to listen on (default 4000; 0 picks a free one)
  --host HOST              address to listen on (default: every interface)
  --db FILE                SQLite database file, created if missing (default ./parcours.db)
  --demo                   fill an empty database with a demo project of synthetic
                           omnichannel journeys, owned by the user demo@parcours.local,
                           and print its password (kept in FILE.demo-password, the
                           same at every start)
  --trust-proxy            behind a reverse proxy (TLS terminated there): trust its
                           X-Forwarded-Proto and X-Forwarded-For headers
  --session-idle-days N    sign a user out after N days without use (default 7)
  --skip-check             skip PRAGMA quick_check at start: it reads every page, so
                           takes minutes on a database of many GB checked before
  --clickhouse URL         keep everything in ClickHouse instead of the SQLite file:
                           http://127.0.0.1:8123/parcours, the path naming the
                           database (created on first use); several processes may
                           serve one database behind a load balancer (each runs
                           the retention purge schedule; a purge is idempotent)
  --max-memory-mb N        memory ceiling of the process (resident); from 85% of it
                           collect answers 503 with Retry-After (default: three
                           quarters of the machine's or container's memory)
  --max-connections N      open connections at most; more are closed (default 1000)
  --ip-rate-limit N        requests a second per client address under /trpc, in
                           bursts of 10 × N; beyond, 429 with Retry-After (default
                           1000; 0 turns it off)
  --write-key-rate-limit N events a second per write key, in bursts of 10 × N
                           (default 50000; 0 turns it off)
  --help                   show this help

Environment:
  PARCOURS_CLICKHOUSE_URL  as --clickhouse URL, when the flag is absent
  PARCOURS_SMTP_URL        smtp://user:password@host:587 (or smtps://…:465): mail
                           invitations; without it, invitation links are shown to copy
  PARCOURS_SMTP_FROM       the sender (default parcours@<SMTP host>)`;

/** How long the set-up link of the first account stays valid. */
const SETUP_LINK_TTL_MS = 24 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * `parcours start`: serves until SIGINT/SIGTERM, then flushes and closes the store.
 * Checks the port first: when it cannot listen, nothing is opened or created.
 */
export async function startCommand(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string', default: '4000' },
      host: { type: 'string' },
      ...DB_OPTION,
      demo: { type: 'boolean', default: false },
      'trust-proxy': { type: 'boolean', default: false },
      'session-idle-days': { type: 'string', default: '7' },
      'max-memory-mb': { type: 'string' },
      'max-connections': { type: 'string', default: '1000' },
      'ip-rate-limit': { type: 'string', default: '1000' },
      'write-key-rate-limit': { type: 'string', default: '50000' },
    },
    strict: true,
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new UsageError(`--port must be a port number, got "${values.port}"`);
  }
  const idleDays = Number(values['session-idle-days']);
  if (!Number.isFinite(idleDays) || idleDays <= 0) {
    throw new UsageError(
      `--session-idle-days must be a positive number, got "${values['session-idle-days']}"`,
    );
  }
  const maxMemoryMb =
    values['max-memory-mb'] === undefined
      ? undefined
      : parsePositive('--max-memory-mb', values['max-memory-mb']);
  const maxConnections = parsePositive('--max-connections', values['max-connections']);
  const rateLimits = {
    perIp: parseRateLimit('--ip-rate-limit', values['ip-rate-limit']),
    perWriteKey: parseRateLimit('--write-key-rate-limit', values['write-key-rate-limit']),
  };
  // Port 0 always finds a free port: nothing to check.
  if (port !== 0) await assertPortFree(port, values.host);

  // The journey indexes build on their thread while the collector already answers,
  // within their share of the memory ceiling.
  const clickhouse = getClickHouseUrl(values);
  const store = await openCliStore(values, {
    warmUp: true,
    journeyLimits: getJourneyLimits(maxMemoryMb ?? getDefaultMemoryCeilingMb()),
  });
  let url: string;
  let stop: () => Promise<void>;
  let demo: DemoProject | undefined;
  try {
    demo = values.demo
      ? await seedDemoProject(store, {
          passwordFile:
            values.db === ':memory:' || clickhouse !== undefined ? undefined : `${values.db}.demo-password`,
        })
      : undefined;
    const server = createServer({
      store,
      trustProxy: values['trust-proxy'],
      sessionIdleMs: idleDays * DAY_MS,
      sendMail: createSmtpMailer(),
      maxMemoryMb,
      rateLimits,
      limits: { maxConnections },
      // Retention: every project purged now and daily, each run's receipt audited.
      purgeSchedule: {},
      webhooks: {},
      // Dashboards' reports by email: sent only when SMTP is set.
      reportSchedules: {},
    });
    // Before taking traffic: the first batches after a restart do not wait for V8.
    await warmUpCollector(server);
    await listen(server, port, values.host);
    url = `http://localhost:${(server.address() as AddressInfo).port}`;
    stop = async () => {
      server.close();
      server.closeAllConnections();
      await store.close();
    };
  } catch (error) {
    await store.close();
    throw error;
  }

  io.out(`Parcours is listening on ${url} (database ${describeDatabase(values)})`);
  if (values.demo && demo === undefined) {
    io.err('--demo: the database already holds other projects; no demo data was added');
  }
  if (demo !== undefined) {
    io.out(
      `Demo project ${demo.projectId}: ${demo.events} touchpoints${demo.created ? ' (just generated)' : ''}`,
    );
    io.out(`  write key:  ${demo.writeKey}`);
    io.out(
      demo.password === undefined
        ? `Sign in at ${url}/ as ${demo.email} (its password was changed since the demo set it)`
        : `Sign in at ${url}/ as ${demo.email} with password ${demo.password}`,
    );
  }
  await printSetupLink(
    store,
    url,
    clickhouse === undefined ? `--db ${values.db}` : `--clickhouse ${clickhouse}`,
    io,
  );
  io.out(`Dashboard: ${url}/`);

  await new Promise<void>((resolve) => {
    const onSignal = () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      io.signal?.removeEventListener('abort', onSignal);
      void stop().then(resolve);
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    if (io.signal?.aborted) onSignal();
    else io.signal?.addEventListener('abort', onSignal);
  });
  return 0;
}

function parsePositive(flag: string, text: string): number {
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0)
    throw new UsageError(`${flag} must be a positive number, got "${text}"`);
  return value;
}

/** N a second in bursts of 10 × N; 0 turns the limit off. */
function parseRateLimit(flag: string, text: string): TokenBucketOptions | false {
  if (Number(text) === 0 && text.trim() !== '') return false;
  const ratePerSecond = parsePositive(flag, text);
  return { ratePerSecond, burst: Math.max(1, ratePerSecond * 10) };
}

/** While there is no user: ends older set-up links and prints a new one. */
async function printSetupLink(store: Store, url: string, dbFlag: string, io: CliIo): Promise<void> {
  if ((await store.countUsers()) > 0) return;
  await store.revokeSetupInvitations();
  const { token } = await store.createInvitation({ email: '', ttlMs: SETUP_LINK_TTL_MS });
  io.out(`Set up the first account: ${url}/#/invitation?token=${token}`);
  io.out(`  or: parcours user create --email EMAIL --name NAME ${dbFlag}`);
}
