import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import {
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
  mkdirSync,
  existsSync,
  statfsSync,
  accessSync,
  constants,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A ClickHouse server started for a test suite; `stop` ends it and deletes its data folder. */
export interface TestClickHouse {
  /** `http://127.0.0.1:<port>`: the HTTP interface `@clickhouse/client` talks to. */
  url: string;
  /** The temporary folder holding the config, data and logs. */
  folder: string;
  stop(): Promise<void>;
}

/** Set to `1` to let ClickHouse tests skip where `clickhouse-server` is missing; ignored when `CI` is set. */
export const SKIP_CLICKHOUSE_ENV = 'PARCOURS_SKIP_CLICKHOUSE';

/** True when `clickhouse-server` is on the PATH. */
export function hasClickHouseServer(): boolean {
  return spawnSync('sh', ['-c', 'command -v clickhouse-server'], { stdio: 'ignore' }).status === 0;
}

/**
 * Whether ClickHouse suites should skip: only outside CI, only when the server is
 * missing, and only when the developer asked for it. Everywhere else a missing
 * server fails the suite (in `startClickHouse`), so CI can never pass by skipping.
 */
export function shouldSkipClickHouse(env: NodeJS.ProcessEnv = process.env): boolean {
  return env[SKIP_CLICKHOUSE_ENV] === '1' && !env.CI && !hasClickHouseServer();
}

/** A free loopback port (bound then released: another process could take it before us, rarely). */
function getFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** Free space a memory-backed folder must have to hold a test server's data. */
const MEMORY_FOLDER_MIN_BYTES = 512 * 1024 * 1024;

/**
 * Where a test server keeps its data: `/dev/shm` (memory) when it has room, else the
 * system's temporary folder. Every insert writes a part (a folder of files per column)
 * and the suites insert thousands of tiny batches (and the SQLite files they compare
 * with sync each commit): in memory, the ClickHouse suites
 * spend about a sixth less time (measured on pathsEquivalence, 35.8 → 29.8 s). A
 * container's default 64 MB `/dev/shm` is too small, so its free space is checked.
 */
export function getDataParent(): string {
  try {
    accessSync('/dev/shm', constants.W_OK);
    const { bavail, bsize } = statfsSync('/dev/shm');
    if (bavail * bsize >= MEMORY_FOLDER_MIN_BYTES) return '/dev/shm';
  } catch {
    // No writable /dev/shm (not Linux, or read-only): the temporary folder.
  }
  return tmpdir();
}

/** How `startClickHouse` sizes the server. */
export interface StartClickHouseOptions {
  /** How long to wait for `/ping`. Default 60 s: a cold start on a busy 2-core machine takes a few seconds. */
  timeoutMs?: number;
  /** Threads per query. Default 1: test suites share the machine; the benchmark gives it every core. */
  maxThreads?: number;
  /** Memory per query, bytes. Default 1 GB. */
  maxMemoryBytes?: number;
}

function writeConfig(
  folder: string,
  httpPort: number,
  tcpPort: number,
  { maxThreads = 1, maxMemoryBytes = 1_000_000_000 }: StartClickHouseOptions,
): string {
  for (const sub of ['data', 'tmp', 'user_files', 'format_schemas']) mkdirSync(join(folder, sub));
  // Debian's 18.16 reads `<yandex>` configs; every path points into the temporary folder
  // so that no root, no /var/lib/clickhouse and no system service is involved.
  const config = `<?xml version="1.0"?>
<yandex>
  <logger><level>warning</level><log>${folder}/server.log</log><errorlog>${folder}/error.log</errorlog><console>0</console></logger>
  <listen_host>127.0.0.1</listen_host>
  <http_port>${httpPort}</http_port>
  <tcp_port>${tcpPort}</tcp_port>
  <path>${folder}/data/</path>
  <tmp_path>${folder}/tmp/</tmp_path>
  <user_files_path>${folder}/user_files/</user_files_path>
  <format_schema_path>${folder}/format_schemas/</format_schema_path>
  <users_config>users.xml</users_config>
  <default_profile>default</default_profile>
  <default_database>default</default_database>
  <mark_cache_size>67108864</mark_cache_size>
  <uncompressed_cache_size>67108864</uncompressed_cache_size>
  <max_concurrent_queries>20</max_concurrent_queries>
</yandex>
`;
  // By default one core per query: the test machine has two, shared with other suites.
  const users = `<?xml version="1.0"?>
<yandex>
  <profiles><default><max_memory_usage>${maxMemoryBytes}</max_memory_usage><max_threads>${maxThreads}</max_threads></default></profiles>
  <users><default><password></password><networks><ip>127.0.0.1</ip></networks><profile>default</profile><quota>default</quota></default></users>
  <quotas><default></default></quotas>
</yandex>
`;
  const configPath = join(folder, 'config.xml');
  writeFileSync(configPath, config);
  writeFileSync(join(folder, 'users.xml'), users);
  return configPath;
}

function tail(path: string): string {
  return existsSync(path) ? readFileSync(path, 'utf8').split('\n').slice(-15).join('\n') : '(no log)';
}

/**
 * Starts Debian's `clickhouse-server` on free loopback ports with a temporary data
 * folder and a generated config, and resolves once `/ping` answers. Throws, naming
 * the fix, when the binary is missing or the server does not answer in `timeoutMs`.
 */
export async function startClickHouse(options: StartClickHouseOptions = {}): Promise<TestClickHouse> {
  if (!hasClickHouseServer()) {
    throw new Error(
      'clickhouse-server is not on the PATH: install it (apt-get install clickhouse-server clickhouse-client; .ci/run does) ' +
        `or, outside CI only, set ${SKIP_CLICKHOUSE_ENV}=1 to skip the ClickHouse suites`,
    );
  }
  const timeoutMs = options.timeoutMs ?? 60_000;
  const folder = mkdtempSync(join(getDataParent(), 'parcours-clickhouse-'));
  const httpPort = await getFreePort();
  const tcpPort = await getFreePort();
  const configPath = writeConfig(folder, httpPort, tcpPort, options);
  const child: ChildProcess = spawn('clickhouse-server', [`--config-file=${configPath}`], {
    cwd: folder,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let exitCode: number | null | undefined;
  void exited.then((code) => (exitCode = code));
  const url = `http://127.0.0.1:${httpPort}`;

  const stop = async () => {
    if (exitCode === undefined) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(folder, { recursive: true, force: true });
  };

  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (exitCode !== undefined) {
      const log = tail(join(folder, 'error.log'));
      await stop();
      throw new Error(
        `clickhouse-server exited with code ${exitCode} before answering /ping:\n${stderr}\n${log}`,
      );
    }
    try {
      const response = await fetch(`${url}/ping`);
      if (response.ok && (await response.text()).trim() === 'Ok.') break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      const log = tail(join(folder, 'error.log'));
      await stop();
      throw new Error(
        `clickhouse-server did not answer ${url}/ping within ${timeoutMs} ms:\n${stderr}\n${log}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { url, folder, stop };
}
