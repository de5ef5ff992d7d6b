import type { ApiServices, SendMail } from '../context.js';
import { SignInThrottle } from './SignInThrottle.js';

/** Sessions end after a week without use, unless configured otherwise. */
export const DEFAULT_SESSION_IDLE_MS = 7 * 86_400_000;

/** The services one server shares between requests. */
export function createApiServices(
  options: { sessionIdleMs?: number | undefined; sendMail?: SendMail | undefined } = {},
): ApiServices {
  return {
    sessionIdleMs: options.sessionIdleMs ?? DEFAULT_SESSION_IDLE_MS,
    signInThrottle: new SignInThrottle(),
    sendMail: options.sendMail,
  };
}
