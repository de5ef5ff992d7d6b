import type Database from 'better-sqlite3';
import {
  StoreConflictError,
  type AccountStore,
  type Invitation,
  type Member,
  type ShareLink,
} from '../../accounts/types.js';
import { createKey, hashToken } from '../../createKey.js';
import { InvalidCursorError } from '../../InvalidCursorError.js';
import { decodePageCursor, encodePageCursor, parseSeqPosition } from '../../pageCursor.js';
import type { ProjectStore } from '../../ProjectStore.js';
import type { ProjectRow } from '../queries/projects.js';
import { prepareAuditLogQueries } from './auditLog.js';
import { prepareInvitationQueries, type InvitationRow } from './invitations.js';
import { prepareMembershipQueries } from './memberships.js';
import { prepareSecretKeyQueries } from './secretKeys.js';
import { prepareSessionQueries } from './sessions.js';
import { prepareShareLinkQueries, type ShareLinkRow } from './shareLinks.js';
import { prepareUserQueries, toUser, toUserWithPassword } from './users.js';

/** How often a session's or key's last use is written: not on every request. */
const TOUCH_EVERY_MS = 60_000;

function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

function toInvitation(row: InvitationRow): Invitation {
  return {
    invitationId: row.public_id,
    projectId: row.project_public_id ?? undefined,
    projectName: row.project_name ?? undefined,
    email: row.email,
    role: row.role ?? undefined,
    invitedBy: row.invited_by ?? undefined,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
  };
}

function toShareLink(row: ShareLinkRow): ShareLink {
  return {
    shareId: row.public_id,
    projectId: row.project_public_id,
    view: row.view,
    state: JSON.parse(row.state) as Record<string, unknown>,
    createdBy: row.created_by,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
  };
}

/** The tag of audit-log cursors (see `encodePageCursor`). */
const AUDIT_CURSOR = 'a1';

/** Accounts, and the secret keys of `ProjectStore` (they share the token rules). */
type AccountStoreWithoutProjects = AccountStore &
  Pick<ProjectStore, 'createSecretKey' | 'listSecretKeys' | 'revokeSecretKey' | 'getKeyGrant'>;

/**
 * The SQLite side of {@link AccountStore}, and secret keys. Every token (session, invitation, share
 * link, secret key) is stored as its SHA-256 only, passwords as the scrypt hash the
 * API computed: a copy of the file opens nothing.
 */
export function createSqliteAccountStore(
  db: Database.Database,
  findProjectRow: (projectId: string) => ProjectRow | undefined,
  now: () => number = Date.now,
): AccountStoreWithoutProjects {
  const users = prepareUserQueries(db);
  const sessions = prepareSessionQueries(db);
  const memberships = prepareMembershipQueries(db);
  const keys = prepareSecretKeyQueries(db);
  const invitations = prepareInvitationQueries(db);
  const shareLinks = prepareShareLinkQueries(db);
  const audit = prepareAuditLogQueries(db);

  const projectRowOf = (projectId: string): ProjectRow => {
    const row = findProjectRow(projectId);
    if (row === undefined) throw new Error(`unknown project ${projectId}`);
    return row;
  };
  const userRowIdOf = (userId: string): number => {
    const row = users.getUserByPublicId(userId);
    if (row === undefined) throw new Error(`unknown user ${userId}`);
    return row.id;
  };

  const insertUser = (input: { email: string; name: string; passwordHash: string; isAdmin: boolean }) => {
    const email = normaliseEmail(input.email);
    if (users.getUserByEmail(email) !== undefined) {
      throw new StoreConflictError(`A user with email ${email} already exists`);
    }
    const rowId = users.insertUser({ ...input, email, publicId: createKey('usr', 9), now: now() });
    // The instance's administrator owns every project, including those made before accounts.
    if (input.isAdmin) memberships.insertOwnerOfEveryProject(rowId, now());
    return users.getUserByRowId(rowId)!;
  };
  const createUser = db.transaction(insertUser);

  const acceptInvitation = db.transaction(
    (hash: string, account: { name: string; passwordHash: string; email?: string }) => {
      const invitation = invitations.getPendingInvitation(hash, now());
      if (invitation === undefined) return undefined;
      let user;
      if (invitation.project_row_id === null) {
        // The set-up link: only while the instance has no user at all.
        if (users.countUsers() > 0 || account.email === undefined) return undefined;
        user = insertUser({ ...account, email: account.email, isAdmin: true });
      } else {
        user = users.getUserByEmail(invitation.email);
        // An existing account keeps its password: the API checked it before accepting.
        user ??= insertUser({ ...account, email: invitation.email, isAdmin: false });
        memberships.upsertMember(invitation.project_row_id, user.id, invitation.role!, now());
      }
      invitations.markAccepted(hash, now());
      return { user: toUser(user), projectId: invitation.project_public_id ?? undefined };
    },
  );

  return {
    async countUsers() {
      return users.countUsers();
    },
    async createUser(input) {
      return toUser(createUser({ ...input, isAdmin: input.isAdmin ?? users.countUsers() === 0 }));
    },
    async getUser(userId) {
      const row = users.getUserByPublicId(userId);
      return row && toUser(row);
    },
    async getUserByEmail(email) {
      const row = users.getUserByEmail(normaliseEmail(email));
      return row && toUserWithPassword(row);
    },
    async getUserWithPassword(userId) {
      const row = users.getUserByPublicId(userId);
      return row && toUserWithPassword(row);
    },
    async listUsers() {
      return users.getUsers().map(toUser);
    },
    async setPasswordHash(userId, passwordHash, keepSessionId) {
      const rowId = userRowIdOf(userId);
      db.transaction(() => {
        users.updatePasswordHash(rowId, passwordHash);
        sessions.deleteSessionsOfUser(rowId, keepSessionId ?? null);
      })();
    },

    async createSession(userId) {
      const token = createKey('ses', 32);
      const sessionId = createKey('sid', 9);
      sessions.insertSession(hashToken(token), sessionId, userRowIdOf(userId), now());
      return { sessionId, token };
    },
    async getSession(token, idleMs) {
      const hash = hashToken(token);
      const row = sessions.getSessionByHash(hash);
      if (row === undefined) return undefined;
      const at = now();
      if (at - row.last_seen_at > idleMs) {
        sessions.deleteSessionByHash(hash);
        return undefined;
      }
      const renewed = at - row.last_seen_at > TOUCH_EVERY_MS;
      if (renewed) sessions.touchSession(hash, at);
      const user = users.getUserByRowId(row.user_id)!;
      return {
        sessionId: row.public_id,
        user: toUser(user),
        createdAt: row.created_at,
        lastSeenAt: renewed ? at : row.last_seen_at,
        renewed,
      };
    },
    async deleteSession(token) {
      sessions.deleteSessionByHash(hashToken(token));
    },

    async getMemberships(userId) {
      return memberships
        .getMembershipsOfUser(userRowIdOf(userId))
        .map((row) => ({ projectId: row.public_id, name: row.name, role: row.role }));
    },
    async getRole(projectId, userId) {
      const project = findProjectRow(projectId);
      const user = users.getUserByPublicId(userId);
      if (project === undefined || user === undefined) return undefined;
      return memberships.getRole(project.id, user.id);
    },
    async listMembers(projectId) {
      return memberships.getMembers(projectRowOf(projectId).id).map((row): Member => ({
        userId: row.public_id,
        email: row.email,
        name: row.name,
        role: row.role,
        since: row.created_at,
      }));
    },
    async setMember(projectId, userId, role) {
      memberships.upsertMember(projectRowOf(projectId).id, userRowIdOf(userId), role, now());
    },
    async removeMember(projectId, userId) {
      const user = users.getUserByPublicId(userId);
      return user !== undefined && memberships.deleteMember(projectRowOf(projectId).id, user.id);
    },

    async createSecretKey(projectId, { scope, label }) {
      const key = createKey('sk', 24);
      const info = { keyId: createKey('key', 9), prefix: key.slice(0, 8), label, scope };
      const createdAt = now();
      keys.insertSecretKey(
        hashToken(key),
        projectRowOf(projectId).id,
        { publicId: info.keyId, prefix: info.prefix, label, scope },
        createdAt,
      );
      return { ...info, key, createdAt, lastUsedAt: null };
    },
    async listSecretKeys(projectId) {
      return keys.getSecretKeys(projectRowOf(projectId).id).map((row) => ({
        keyId: row.public_id,
        prefix: row.prefix,
        label: row.label,
        scope: row.scope,
        createdAt: row.created_at,
        lastUsedAt: row.last_used_at,
      }));
    },
    async revokeSecretKey(projectId, keyId) {
      const project = findProjectRow(projectId);
      return project !== undefined && keys.deleteSecretKey(project.id, keyId);
    },
    async getKeyGrant(secretKey) {
      const row = keys.getKeyGrant(hashToken(secretKey));
      if (row === undefined) return undefined;
      const at = now();
      if (row.last_used_at === null || at - row.last_used_at > TOUCH_EVERY_MS) {
        keys.touchSecretKey(row.public_id, at);
      }
      return { keyId: row.public_id, projectId: row.project_public_id, scope: row.scope, label: row.label };
    },

    async createInvitation({ projectId, email, role, invitedBy, ttlMs }) {
      const token = createKey('inv', 24);
      const createdAt = now();
      const project = projectId === undefined ? undefined : projectRowOf(projectId);
      const invitation: Invitation = {
        invitationId: createKey('ivt', 9),
        projectId,
        projectName: project?.name,
        email: normaliseEmail(email),
        role,
        invitedBy,
        createdAt,
        expiresAt: createdAt + ttlMs,
      };
      invitations.insertInvitation(
        hashToken(token),
        {
          publicId: invitation.invitationId,
          projectRowId: project?.id ?? null,
          email: invitation.email,
          role: role ?? null,
          invitedBy: invitedBy ?? null,
          expiresAt: invitation.expiresAt,
        },
        createdAt,
      );
      return { ...invitation, token };
    },
    async getInvitation(token) {
      const row = invitations.getPendingInvitation(hashToken(token), now());
      return row && toInvitation(row);
    },
    async listInvitations(projectId) {
      return invitations.getPendingInvitationsOfProject(projectRowOf(projectId).id, now()).map(toInvitation);
    },
    async revokeInvitation(projectId, invitationId) {
      const project = findProjectRow(projectId);
      return project !== undefined && invitations.revokeInvitation(project.id, invitationId, now());
    },
    async revokeSetupInvitations() {
      invitations.revokeSetupInvitations(now());
    },
    async acceptInvitation(token, account) {
      return acceptInvitation(hashToken(token), account);
    },

    async createShareLink({ projectId, view, state, createdBy, expiresAt }) {
      const token = createKey('shr', 24);
      const createdAt = now();
      const shareId = createKey('share', 9);
      shareLinks.insertShareLink(
        hashToken(token),
        {
          publicId: shareId,
          projectRowId: projectRowOf(projectId).id,
          view,
          state: JSON.stringify(state),
          createdBy,
          expiresAt,
        },
        createdAt,
      );
      return { shareId, projectId, view, state, createdBy, createdAt, expiresAt, revokedAt: null, token };
    },
    async getShareLink(token) {
      const row = shareLinks.getLiveShareLink(hashToken(token), now());
      return row && toShareLink(row);
    },
    async listShareLinks(projectId) {
      return shareLinks.getShareLinksOfProject(projectRowOf(projectId).id).map(toShareLink);
    },
    async revokeShareLink(projectId, shareId) {
      const project = findProjectRow(projectId);
      return project !== undefined && shareLinks.revokeShareLink(project.id, shareId, now());
    },

    async appendAudit(entry) {
      audit.insertAuditEntry(entry, now());
    },
    async getAuditLog(projectId, query) {
      let before = Number.MAX_SAFE_INTEGER;
      if (query.cursor !== undefined) {
        const seq = parseSeqPosition(decodePageCursor(AUDIT_CURSOR, query.cursor));
        if (seq === undefined) {
          throw new InvalidCursorError('not an audit-log cursor: start again without a cursor');
        }
        before = seq;
      }
      const entries = audit.getAuditEntries(projectId, { ...query, limit: query.limit + 1 }, before);
      const page = entries.slice(0, query.limit);
      const last = page[page.length - 1];
      return {
        entries: page,
        nextCursor:
          entries.length > query.limit && last !== undefined
            ? encodePageCursor(AUDIT_CURSOR, String(last.seq))
            : null,
      };
    },
  };
}
