import type { KeyValueStorage, Platform, Properties } from '../core/types.js';
import { createMemoryStorage } from './createMemoryStorage.js';
import { sendWithFetch } from './sendWithFetch.js';

/** What the Node adapter accepts. */
export interface NodePlatformOptions {
  /** Where the queue lives. Default: memory (lost on exit); see `createFileStorage(path)`. */
  storage?: KeyValueStorage;
  /** Context on every event (`{ source: 'pos' }`, a store id…). Default: none. */
  context?: Properties;
}

/**
 * The Node adapter, for server-side and offline touchpoints (store visits, call-centre
 * contacts, CRM exports): Node's global `fetch` (Node ≥ 18), no page lifecycle — call
 * `await tracker.flush()` before the process exits.
 */
export const createNodePlatform = ({
  storage = createMemoryStorage(),
  context,
}: NodePlatformOptions = {}): Platform => ({
  storage,
  send: (url, body) => sendWithFetch(url, body),
  onHide: () => undefined,
  context: () => ({ ...context }),
});
