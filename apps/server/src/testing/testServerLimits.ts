import type { ServerLimits } from '../http/ServerLimits.js';

/**
 * Limits for a server started inside a test process. The test and the server share
 * one event loop, and CI runs every package's tests at once on 2 cores: a test's own
 * synchronous work, or the scheduler pausing the process, can hold the loop past the
 * 500 ms that makes the collector answer 503. That is no overload of the server, so
 * tests not about shedding lift the event-loop limit (`httpOverload.test.ts` and
 * `collectorLoad.test.ts` test the real limits).
 */
export const TEST_SERVER_LIMITS: Partial<ServerLimits> = { maxEventLoopDelayMs: 60_000 };
