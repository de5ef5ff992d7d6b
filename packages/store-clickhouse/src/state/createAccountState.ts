import { createHash } from 'node:crypto';
import {
  StoreConflictError,
  createKey,
  hashToken,
  type StoreEngine,
  type KeyScope,
  type Member,
  type Project,
  type Role,
  type User,
  type UserWithPassword,
} from '@parcours/store';
import type { Records } from './createRecords.js';

/** How often a session's or key's last use is written: not on every request (as SQLite). */
const TOUCH_EVERY_MS = 60_000;

/** A secret key as stored, under the SHA-256 of the key. */
export interface SecretKeyBody {
  keyId: string;
  prefix: string;
  label: string;
  scope: KeyScope;
  projectId: string;
  createdAt: number;
}

interface SessionBody {
  sessionId: string;
  userId: string;
  email: string;
  createdAt: number;
}

interface MembershipBody {
  userId: string;
  role: Role;
  since: number;
}

export const normaliseEmail = (email: string): string => email.trim().toLowerCase();

/**
 * A user's id, derived from the normalised email: two processes signing the same
 * email up at once write one record (the later wins) instead of two users.
 */
const toUserId = (email: string): string =>
  `usr_${createHash('sha256').update(email).digest('base64url').slice(0, 12)}`;

const toUser = ({ passwordHash: _, ...user }: UserWithPassword): User => user;

type AccountMethods = Pick<
  StoreEngine,
  | 'countUsers'
  | 'createUser'
  | 'getUser'
  | 'getUserByEmail'
  | 'getUserWithPassword'
  | 'listUsers'
  | 'setPasswordHash'
  | 'createSession'
  | 'getSession'
  | 'deleteSession'
  | 'getMemberships'
  | 'getRole'
  | 'listMembers'
  | 'setMember'
  | 'removeMember'
  | 'createSecretKey'
  | 'listSecretKeys'
  | 'revokeSecretKey'
  | 'getKeyGrant'
>;

/**
 * Users, sessions, memberships and secret keys as shared records. Tokens and keys are
 * stored as their SHA-256 only, as in SQLite. What SQLite does in one transaction
 * (create a user and make the administrator owner of every project) is one insert
 * here; a check-then-write (an email already taken) can race across processes, and
 * then the two writes land on the same record, never on two.
 */
export function createAccountState(records: Records, now: () => number = Date.now) {
  const users = async () => (await records.list<UserWithPassword>('user')).map((row) => row.value);
  const findUser = async (userId: string) => (await users()).find((user) => user.userId === userId);
  const requireUser = async (userId: string) => {
    const user = await findUser(userId);
    if (user === undefined) throw new Error(`unknown user ${userId}`);
    return user;
  };
  const projects = async () => (await records.list<Project>('project')).map((row) => row.value);

  /** Creates a user (the administrator owns every project); throws when the email is taken. */
  const insertUser = async (input: {
    email: string;
    name: string;
    passwordHash: string;
    isAdmin: boolean;
  }) => {
    const email = normaliseEmail(input.email);
    if ((await records.get('user', email)) !== undefined) {
      throw new StoreConflictError(`A user with email ${email} already exists`);
    }
    const user: UserWithPassword = {
      userId: toUserId(email),
      email,
      name: input.name,
      isAdmin: input.isAdmin,
      createdAt: now(),
      passwordHash: input.passwordHash,
    };
    const owned = input.isAdmin ? await projects() : [];
    await records.putAll([
      { kind: 'user', id: email, value: user },
      ...owned.map((project) => ({
        kind: 'membership' as const,
        id: `${project.projectId}/${user.userId}`,
        owner: project.projectId,
        value: { userId: user.userId, role: 'owner', since: user.createdAt } satisfies MembershipBody,
      })),
    ]);
    return user;
  };

  const methods: AccountMethods = {
    async countUsers() {
      return (await users()).length;
    },
    async createUser(input) {
      const isAdmin = input.isAdmin ?? (await users()).length === 0;
      return toUser(await insertUser({ ...input, isAdmin }));
    },
    async getUser(userId) {
      const user = await findUser(userId);
      return user && toUser(user);
    },
    getUserByEmail: (email) => records.get<UserWithPassword>('user', normaliseEmail(email)),
    getUserWithPassword: findUser,
    async listUsers() {
      return (await users()).map(toUser);
    },
    async setPasswordHash(userId, passwordHash, keepSessionId) {
      const user = await requireUser(userId);
      await records.put('user', user.email, { ...user, passwordHash });
      const sessions = await records.list<SessionBody>('session', userId);
      const ended = sessions.filter((row) => row.value.sessionId !== keepSessionId).map((row) => row.id);
      await records.remove('session', ended, userId);
    },

    async createSession(userId) {
      const user = await requireUser(userId);
      const token = createKey('ses', 32);
      const sessionId = createKey('sid', 9);
      const body: SessionBody = { sessionId, userId, email: user.email, createdAt: now() };
      await records.put('session', hashToken(token), body, userId);
      return { sessionId, token };
    },
    async getSession(token, idleMs) {
      const hash = hashToken(token);
      const session = await records.get<SessionBody>('session', hash);
      if (session === undefined) return undefined;
      const seen = await records.get<{ lastSeenAt: number }>('session_seen', hash);
      const lastSeenAt = seen?.lastSeenAt ?? session.createdAt;
      const at = now();
      if (at - lastSeenAt > idleMs) {
        await records.remove('session', [hash], session.userId);
        return undefined;
      }
      const user = await records.get<UserWithPassword>('user', session.email);
      if (user === undefined) return undefined;
      const renewed = at - lastSeenAt > TOUCH_EVERY_MS;
      if (renewed) await records.put('session_seen', hash, { lastSeenAt: at });
      return {
        sessionId: session.sessionId,
        user: toUser(user),
        createdAt: session.createdAt,
        lastSeenAt: renewed ? at : lastSeenAt,
        renewed,
      };
    },
    async deleteSession(token) {
      const hash = hashToken(token);
      const session = await records.get<SessionBody>('session', hash);
      if (session !== undefined) await records.remove('session', [hash], session.userId);
    },

    async getMemberships(userId) {
      const all = await records.list<MembershipBody>('membership');
      const roles = new Map(
        all.filter((row) => row.value.userId === userId).map((row) => [row.owner, row.value.role]),
      );
      return (await projects())
        .filter((project) => roles.has(project.projectId))
        .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
        .map((project) => ({
          projectId: project.projectId,
          name: project.name,
          role: roles.get(project.projectId)!,
        }));
    },
    async getRole(projectId, userId) {
      return (await records.get<MembershipBody>('membership', `${projectId}/${userId}`))?.role;
    },
    async listMembers(projectId) {
      const byId = new Map((await users()).map((user) => [user.userId, user]));
      const members: Member[] = [];
      for (const { value } of await records.list<MembershipBody>('membership', projectId)) {
        const user = byId.get(value.userId);
        if (user === undefined) continue;
        members.push({
          userId: user.userId,
          email: user.email,
          name: user.name,
          role: value.role,
          since: value.since,
        });
      }
      return members.sort((a, b) => (a.email < b.email ? -1 : a.email > b.email ? 1 : 0));
    },
    async setMember(projectId, userId, role) {
      await requireUser(userId);
      const id = `${projectId}/${userId}`;
      const since = (await records.get<MembershipBody>('membership', id))?.since ?? now();
      await records.put('membership', id, { userId, role, since } satisfies MembershipBody, projectId);
    },
    async removeMember(projectId, userId) {
      const id = `${projectId}/${userId}`;
      if ((await records.get('membership', id)) === undefined) return false;
      await records.remove('membership', [id], projectId);
      return true;
    },

    async createSecretKey(projectId, { scope, label }) {
      const key = createKey('sk', 24);
      const body: SecretKeyBody = {
        keyId: createKey('key', 9),
        prefix: key.slice(0, 8),
        label,
        scope,
        projectId,
        createdAt: now(),
      };
      await records.put('secret_key', hashToken(key), body, projectId);
      const { projectId: _, ...info } = body;
      return { ...info, key, lastUsedAt: null };
    },
    async listSecretKeys(projectId) {
      const keys = await records.list<SecretKeyBody>('secret_key', projectId);
      const uses = await records.getMany<{ lastUsedAt: number }>(
        'key_use',
        keys.map((row) => row.id),
      );
      const lastUse = new Map(uses.map((row) => [row.id, row.value.lastUsedAt]));
      return keys
        .map(({ id, value: { projectId: _, ...info } }) => ({ ...info, lastUsedAt: lastUse.get(id) ?? null }))
        .sort((a, b) => b.createdAt - a.createdAt || (a.keyId < b.keyId ? -1 : 1));
    },
    async revokeSecretKey(projectId, keyId) {
      const keys = await records.list<SecretKeyBody>('secret_key', projectId);
      const found = keys.find((row) => row.value.keyId === keyId);
      if (found === undefined) return false;
      await records.remove('secret_key', [found.id], projectId);
      return true;
    },
    async getKeyGrant(secretKey) {
      const hash = hashToken(secretKey);
      const key = await records.get<SecretKeyBody>('secret_key', hash);
      if (key === undefined) return undefined;
      const use = await records.get<{ lastUsedAt: number }>('key_use', hash);
      const at = now();
      if (use === undefined || at - use.lastUsedAt > TOUCH_EVERY_MS) {
        await records.put('key_use', hash, { lastUsedAt: at });
      }
      return { keyId: key.keyId, projectId: key.projectId, scope: key.scope, label: key.label };
    },
  };
  return { methods, insertUser, users };
}
