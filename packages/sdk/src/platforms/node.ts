import type { KeyValueStorage, Outcome, Platform, Properties } from '../core/types.js';
import { createMemoryStorage } from './createMemoryStorage.js';
import { getRetryAfter, sendWithFetch } from './sendWithFetch.js';

/** What the Node adapter accepts. */
export interface NodePlatformOptions {
  /** Where the queue lives. Default: memory (lost on exit); see `createFileStorage(path)`. */
  storage?: KeyValueStorage;
  /** Context on every event (`{ source: 'pos' }`, a store id…). Default: none. */
  context?: Properties;
  /**
   * A secret key of scope `ingest` (`parcours key create --scope ingest`), for a trusted
   * server-side source. Sent as `Authorization: Bearer …` on `collect` only, it lets
   * batches without a consent list (consent given up front) keep every category;
   * without it, the collector stores only their `analytics` events. It is a secret:
   * never give it to a browser or an app. Default: none.
   */
  secretKey?: string;
}

/**
 * `sendWithFetch` with an `Authorization` header, and the same outcomes: network
 * errors, 408, 429 and 5xx are retried (honouring `Retry-After`), anything else is final.
 * Kept here so that the browser bundle never carries a secret-key code path.
 */
const sendWithSecretKey = (url: string, body: string, secretKey: string): Promise<Outcome> =>
  fetch(url, { method: 'POST', body, headers: { Authorization: `Bearer ${secretKey}` } }).then(
    async (response): Promise<Outcome> => {
      const { status } = response;
      if (response.ok) return { kind: 'ok' };
      if (status == 408 || status == 429 || status > 499)
        return { kind: 'retry', after: getRetryAfter(response.headers.get('retry-after')) };
      return { kind: 'drop', reason: `${status} ${await response.text().catch(() => '')}` };
    },
    (): Outcome => ({ kind: 'retry' }),
  );

/**
 * The Node adapter, for server-side and offline touchpoints (store visits, call-centre
 * contacts, CRM exports): Node's global `fetch` (Node ≥ 18), no page lifecycle — call
 * `await tracker.flush()` before the process exits.
 */
export const createNodePlatform = ({
  storage = createMemoryStorage(),
  context,
  secretKey,
}: NodePlatformOptions = {}): Platform => ({
  storage,
  // Only the collector needs the key; consent records go with the write key alone.
  send: (url, body) =>
    secretKey !== undefined && url.endsWith('/trpc/collect')
      ? sendWithSecretKey(url, body, secretKey)
      : sendWithFetch(url, body),
  onHide: () => undefined,
  context: () => ({ ...context }),
});
