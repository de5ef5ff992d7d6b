import type { KeyValueStorage } from '../core/types.js';

/** Storage that lasts as long as the process: Node's default, and the tests'. */
export const createMemoryStorage = (): KeyValueStorage & { data: Map<string, string> } => {
  const data = new Map<string, string>();
  return {
    data,
    get: (key) => data.get(key),
    set: (key, value) => data.set(key, value),
    remove: (key) => data.delete(key),
  };
};
