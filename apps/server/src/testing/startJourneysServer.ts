import { mkdtempSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Event } from '@parcours/schema';
import { openSqliteStore, type CreatedProject, type Store } from '@parcours/store';
import { createServer } from '../createServer.js';
import { TEST_SERVER_LIMITS } from './testServerLimits.js';

/** A tRPC answer as a test reads it: the HTTP status, and the data or the error body. */
export interface ApiAnswer {
  status: number;
  /** Untyped: the answers' shapes are what the tests check. */
  data: any;
  error: unknown;
}

export interface JourneysServer {
  /** `http://127.0.0.1:PORT`. */
  base: string;
  store: Store;
  project: CreatedProject;
  /** Sends a batch to `collect` with the project's write key; answers its status. */
  collect(batch: Event[]): Promise<number>;
  /** A `journeys.<path>` query of the project, with its secret key (or `secretKey`). */
  query(path: string, input: object, secretKey?: string): Promise<ApiAnswer>;
  stop(): Promise<void>;
}

/** The real server on loopback over a new SQLite file, with one project: for the journeys.* HTTP tests. */
export async function startJourneysServer(name: string): Promise<JourneysServer> {
  const dir = mkdtempSync(join(tmpdir(), `parcours-${name}-`));
  const store = openSqliteStore({ filename: join(dir, `${name}.db`) });
  const project = await store.createProject({ name });
  const server = createServer({ store, publicDir: dir, limits: TEST_SERVER_LIMITS });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    store,
    project,
    async collect(batch) {
      const response = await fetch(`${base}/trpc/collect`, {
        method: 'POST',
        body: JSON.stringify({ writeKey: project.writeKey, batch }),
      });
      return response.status;
    },
    async query(path, input, secretKey = project.secretKey) {
      const payload = encodeURIComponent(JSON.stringify({ projectId: project.projectId, ...input }));
      const response = await fetch(`${base}/trpc/journeys.${path}?input=${payload}`, {
        headers: { Authorization: `Bearer ${secretKey}` },
      });
      const body = (await response.json()) as { result?: { data: unknown }; error?: unknown };
      return { status: response.status, data: body.result?.data, error: body.error };
    },
    async stop() {
      server.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
