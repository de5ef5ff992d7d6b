import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { StoredEvent } from '../../Store.js';
import { openSqliteStore } from '../openSqliteStore.js';

const files = (filename: string) =>
  readFileSync(filename, 'latin1') +
  (existsSync(`${filename}-wal`) ? readFileSync(`${filename}-wal`, 'latin1') : '');

/**
 * A database written before `secure_delete` was on (an older release) keeps stale
 * copies of index entries in its free space, where a delete cannot reach them: the
 * erasure finds them in the file and rebuilds it (VACUUM).
 */
describe('erasePerson on a database written without secure_delete', () => {
  const dir = mkdtempSync(join(tmpdir(), 'parcours-erase-legacy-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('still leaves none of their ids or values in the file', async () => {
    const filename = join(dir, 'legacy.db');
    const old = openSqliteStore({
      filename,
      journeyEngine: 'inline',
      onConnection: (db) => db.pragma('secure_delete = OFF'),
    });
    const { projectId } = await old.createProject({ name: 'Shop' });
    // Random-order inserts into the indexes split their pages, leaving stale copies.
    for (let b = 0; b < 20; b++) {
      const events: StoredEvent[] = Array.from({ length: 200 }, (_, i) => {
        const p = i * 20 + b;
        return {
          id: `e${b}-${i}`,
          type: 'track',
          name: 'view',
          anonymousId: `device-${p}-xyzzy`,
          userId: `user-${p}-plugh`,
          timestamp: 1_000 + i,
          properties: { note: `secret-${p}-value`.repeat(1 + (p % 7)) },
        };
      });
      await old.insertEvents(projectId, events);
    }
    await old.close();

    const store = openSqliteStore({ filename, journeyEngine: 'inline' });
    try {
      for (const p of [77, 1234, 1800, 2500]) {
        const traces = [`device-${p}-xyzzy`, `user-${p}-plugh`, `secret-${p}-value`];
        for (const trace of traces) expect(files(filename)).toContain(trace);
        const receipt = await store.erasePerson(projectId, { userId: `user-${p}-plugh` });
        expect(receipt.tables.events).toBe(1);
        const bytes = files(filename);
        for (const trace of traces) expect(bytes.includes(trace), `${trace} is gone`).toBe(false);
      }
      expect(await store.countEvents(projectId)).toBe(4_000 - 4);
    } finally {
      await store.close();
    }
  }, 60_000);
});
