import type { ApiServices, SendMail } from '../context.js';
import { DEFAULT_RATE_LIMITS } from '../rateLimit/rateLimits.js';
import { TokenBuckets, type TokenBucketOptions } from '../rateLimit/TokenBuckets.js';
import { SignInThrottle } from './SignInThrottle.js';

/** Sessions end after a week without use, unless configured otherwise. */
export const DEFAULT_SESSION_IDLE_MS = 7 * 86_400_000;

/**
 * The services one server shares between requests. `writeKeyRateLimit` defaults to
 * {@link DEFAULT_RATE_LIMITS}' (50,000 events a second, bursts of 500,000); `false`
 * turns it off.
 */
export function createApiServices(
  options: {
    sessionIdleMs?: number | undefined;
    sendMail?: SendMail | undefined;
    writeKeyRateLimit?: TokenBucketOptions | false | undefined;
  } = {},
): ApiServices {
  const writeKeyRateLimit = options.writeKeyRateLimit ?? DEFAULT_RATE_LIMITS.perWriteKey;
  return {
    sessionIdleMs: options.sessionIdleMs ?? DEFAULT_SESSION_IDLE_MS,
    signInThrottle: new SignInThrottle(),
    sendMail: options.sendMail,
    writeKeyRateLimit: writeKeyRateLimit === false ? undefined : new TokenBuckets(writeKeyRateLimit),
  };
}
