import { readFile, rename, writeFile } from 'node:fs/promises';
import type { KeyValueStorage } from '../core/types.js';

/**
 * Node storage in one JSON file, so a queue survives a restart: events a crashed or
 * offline process accepted are delivered by the next run. Writes are serialised and
 * atomic (a temporary file renamed over the old one).
 */
export const createFileStorage = (path: string): KeyValueStorage => {
  let data: Promise<Record<string, string>> = readFile(path, 'utf8')
    .then(JSON.parse)
    .catch(() => ({}));
  const update = (change: (values: Record<string, string>) => void) =>
    (data = data.then(async (values) => {
      change(values);
      await writeFile(path + '.tmp', JSON.stringify(values))
        .then(() => rename(path + '.tmp', path))
        .catch((error: unknown) => console.warn('parcours: cannot write', path, error));
      return values;
    }));
  return {
    get: (key) => data.then((values) => values[key]),
    set: (key, value) => update((values) => (values[key] = value)),
    remove: (key) => update((values) => delete values[key]),
  };
};
