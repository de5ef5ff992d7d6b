import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore } from '@parcours/store';
import { expect, it } from 'vitest';
import { createServer } from '../createServer.js';
import { TEST_SERVER_LIMITS } from '../testing/testServerLimits.js';
import { warmUpCollector } from './warmUpCollector.js';

it('runs batches through the collector before listening, stores and logs nothing', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'parcours-warm-up-'));
  const store = openSqliteStore({ filename: join(dir, 'warm.db') });
  try {
    const project = await store.createProject({ name: 'Shop' });
    const logged: string[] = [];
    const server = createServer({
      store,
      publicDir: dir,
      logError: (message) => logged.push(message),
      limits: TEST_SERVER_LIMITS,
    });
    const answers: number[] = [];
    server.on('request', (req, res) => {
      if (req.url === '/trpc/collect') res.on('finish', () => answers.push(res.statusCode));
    });
    await warmUpCollector(server);
    // Every batch went the whole way to the write key's look-up, refused there.
    expect(answers).toHaveLength(96);
    expect(new Set(answers)).toEqual(new Set([401]));
    expect(server.listening).toBe(false);
    expect(await store.countEvents(project.projectId)).toBe(0);
    expect(logged).toEqual([]);
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}, 30_000);
