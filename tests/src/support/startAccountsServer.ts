import { mkdtempSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hashPassword } from '@parcours/api';
import { createServer, TEST_SERVER_LIMITS, type ServerOptions } from '@parcours/server';
import type { Event } from '@parcours/schema';
import { openSqliteStore, type CreatedProject, type Role, type Store } from '@parcours/store';

/** A seeded account: sign in with `email` and `password`. */
export interface SeededUser {
  userId: string;
  email: string;
  name: string;
  password: string;
}

export interface AccountsServer {
  /** `http://127.0.0.1:PORT`: the server's origin, dashboard at `/`. */
  origin: string;
  store: Store;
  /** The project "Shop", with touchpoints along the dashboard's default funnel. */
  project: CreatedProject;
  /** Members of "Shop", one a role the test asks for. */
  users: Record<string, SeededUser>;
  /** Every anonymous id and user id in the touchpoints: none may show on a share link. */
  personIds: string[];
  stop: () => Promise<void>;
}

const FUNNEL = ['/', 'Product viewed', 'Added to cart', 'Signed up', 'Purchase completed'];

/**
 * Ten persons along the dashboard's default funnel in the last few days, each going
 * one step less far than the one before; some identified with a user id.
 */
function createJourneys(now: number): { events: Event[]; personIds: string[] } {
  const events: Event[] = [];
  const personIds: string[] = [];
  for (let person = 0; person < 10; person++) {
    const anonymousId = `anon-e2e-secret-${person}`;
    const userId = person % 3 === 0 ? `user-e2e-secret-${person}` : undefined;
    personIds.push(anonymousId, ...(userId ? [userId] : []));
    const start = now - (person + 1) * 3_600_000 * 7;
    FUNNEL.slice(0, 5 - (person % 5)).forEach((name, step) => {
      events.push({
        id: `e2e-${person}-${step}`,
        type: step === 0 ? 'page' : 'track',
        name,
        anonymousId,
        ...(userId ? { userId } : {}),
        channel: 'web',
        timestamp: start + step * 60_000,
      });
    });
  }
  return { events, personIds };
}

/**
 * The real server (`createServer`) on loopback over a real SQLite file, serving the
 * built dashboard, with the project "Shop", its touchpoints, and a user per role in
 * `roles` (`{ owner: 'owner@example.com' }`), each with a password of their own;
 * `options` go to `createServer` (webhook delivery, say).
 */
export async function startAccountsServer(
  roles: Partial<Record<Role, string>>,
  options: Pick<ServerOptions, 'webhooks'> = {},
): Promise<AccountsServer> {
  const dir = mkdtempSync(join(tmpdir(), 'parcours-accounts-e2e-'));
  const store = openSqliteStore({ filename: join(dir, 'accounts.db') });
  const project = await store.createProject({ name: 'Shop' });
  const { events, personIds } = createJourneys(Date.now());
  await store.insertEvents(project.projectId, events);
  const users: Record<string, SeededUser> = {};
  for (const [role, email] of Object.entries(roles) as [Role, string][]) {
    const password = `${role} password for tests`;
    const name = role[0]!.toUpperCase() + role.slice(1);
    // Not the instance's administrator, who would own every project whatever the role says.
    const passwordHash = await hashPassword(password);
    const user = await store.createUser({ email, name, passwordHash, isAdmin: false });
    await store.setMember(project.projectId, user.userId, role);
    users[role] = { userId: user.userId, email, name, password };
  }
  const server = createServer({ store, logError: () => {}, limits: TEST_SERVER_LIMITS, ...options });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    store,
    project,
    users,
    personIds,
    async stop() {
      server.closeAllConnections();
      server.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
