import { constrainedMemory } from 'node:process';
import { totalmem } from 'node:os';

/** How much the server takes on before it refuses (503) or closes connections. */
export interface ServerLimits {
  /**
   * The process's memory ceiling, in MiB of resident memory (RSS). From 85% of it,
   * `collect` and `consent` answer 503 so what is already in flight fits under it.
   * Default: three quarters of the machine's memory, or of its container's limit.
   */
  maxMemoryMb: number;
  /** Collector requests (`collect`, `consent`) in flight, received or being received. Default 64. */
  maxCollectsInFlight: number;
  /** The longest the event loop may have been blocked in the last second, in ms. Default 500. */
  maxEventLoopDelayMs: number;
  /** Open connections; past it, new ones are closed at once (the SDK retries). Default 1,000. */
  maxConnections: number;
  /** Time to receive a request's headers, in ms. Default 10 s. */
  headersTimeoutMs: number;
  /** Time to receive a whole request, body included, in ms. Default 20 s. */
  requestTimeoutMs: number;
  /** An idle keep-alive connection is closed after this long, in ms. Default 5 s. */
  keepAliveTimeoutMs: number;
}

const MiB = 1024 * 1024;

/** Three quarters of the memory this process may use: the machine's, or its cgroup's limit. */
export function getDefaultMemoryCeilingMb(): number {
  const machine = totalmem();
  // 0 or undefined without a limit; cgroup v2 reports a huge number for "max".
  const container = constrainedMemory?.() ?? 0;
  const available = container > 0 ? Math.min(container, machine) : machine;
  return Math.floor((available * 0.75) / MiB);
}

/** Every limit, the given ones over the defaults. */
export function resolveServerLimits(limits: Partial<ServerLimits> = {}): ServerLimits {
  const defined = Object.fromEntries(Object.entries(limits).filter(([, value]) => value !== undefined));
  return {
    maxMemoryMb: getDefaultMemoryCeilingMb(),
    maxCollectsInFlight: 64,
    maxEventLoopDelayMs: 500,
    maxConnections: 1_000,
    headersTimeoutMs: 10_000,
    requestTimeoutMs: 20_000,
    keepAliveTimeoutMs: 5_000,
    ...defined,
  };
}
