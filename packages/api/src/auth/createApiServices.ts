import type { ApiServices, SendMail } from '../context.js';
import { LiveFeed, type ChangeMarkSource } from '../live/LiveFeed.js';
import { StorageIncidentLog } from '../storage/StorageIncidentLog.js';
import { DEFAULT_RATE_LIMITS } from '../rateLimit/rateLimits.js';
import { TokenBuckets, type TokenBucketOptions } from '../rateLimit/TokenBuckets.js';
import { SignInThrottle } from './SignInThrottle.js';

/** Sessions end after a week without use, unless configured otherwise. */
export const DEFAULT_SESSION_IDLE_MS = 7 * 86_400_000;

/**
 * The services one server shares between requests. `logError` (the server's error
 * log; default `console.error`) receives the storage incidents, one line each.
 * `writeKeyRateLimit` defaults to {@link DEFAULT_RATE_LIMITS}' (50,000 events a
 * second, bursts of 500,000); `false` turns it off. `changeMarks` lets the live feed
 * see touchpoints other processes stored (the server passes its store's
 * `getChangeMark`); without it, pushes follow this process's collector only.
 */
export function createApiServices(
  options: {
    sessionIdleMs?: number | undefined;
    sendMail?: SendMail | undefined;
    logError?: ((message: string, error?: unknown) => void) | undefined;
    writeKeyRateLimit?: TokenBucketOptions | false | undefined;
    contentSecurityPolicy?: string | undefined;
    changeMarks?: ChangeMarkSource | undefined;
  } = {},
): ApiServices {
  const { logError } = options;
  const writeKeyRateLimit = options.writeKeyRateLimit ?? DEFAULT_RATE_LIMITS.perWriteKey;
  return {
    sessionIdleMs: options.sessionIdleMs ?? DEFAULT_SESSION_IDLE_MS,
    signInThrottle: new SignInThrottle(),
    sendMail: options.sendMail,
    storageIncidents: new StorageIncidentLog(
      logError === undefined ? (line) => console.error(line) : (line) => logError(line),
    ),
    writeKeyRateLimit: writeKeyRateLimit === false ? undefined : new TokenBuckets(writeKeyRateLimit),
    contentSecurityPolicy: options.contentSecurityPolicy,
    liveFeed: new LiveFeed(undefined, options.changeMarks),
  };
}
