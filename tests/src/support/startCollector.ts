import { mkdtempSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, TEST_SERVER_LIMITS } from '@parcours/server';
import { openSqliteStore, type CreatedProject, type Store } from '@parcours/store';

export interface Collector {
  /** `http://127.0.0.1:PORT`: the collector's origin. */
  origin: string;
  store: Store;
  project: CreatedProject;
  /** GET a journeys.* query with the project's secret key; the parsed `result.data`. */
  query: (path: string, input: object) => Promise<any>;
  stop: () => Promise<void>;
}

/** The real server on loopback, over a real SQLite file, serving the built dashboard and sdk.js. */
export async function startCollector(): Promise<Collector> {
  const dir = mkdtempSync(join(tmpdir(), 'parcours-e2e-'));
  const store = openSqliteStore({ filename: join(dir, 'e2e.db') });
  const project = await store.createProject({ name: 'E2E' });
  const server = createServer({ store, limits: TEST_SERVER_LIMITS });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    store,
    project,
    async query(path, input) {
      const url = `${origin}/trpc/journeys.${path}?input=${encodeURIComponent(JSON.stringify({ projectId: project.projectId, ...input }))}`;
      const response = await fetch(url, { headers: { Authorization: `Bearer ${project.secretKey}` } });
      const body = await response.json();
      if (!response.ok)
        throw Object.assign(new Error(body.error?.message ?? response.statusText), {
          status: response.status,
        });
      return body.result.data;
    },
    async stop() {
      server.closeAllConnections();
      server.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
