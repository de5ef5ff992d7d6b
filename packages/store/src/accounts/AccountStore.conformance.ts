import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../Store.js';
import {
  INVALID_CURSOR,
  openConformanceStore,
  type ConformanceTarget,
} from '../testing/openConformanceStore.js';

const DAY = 86_400_000;

/**
 * The account behaviour every Store engine must have (`describeStoreConformance` runs
 * this): users, sessions, roles, invitations, share links and the append-only audit log.
 */
export function describeAccountStoreConformance(target: ConformanceTarget): void {
  describe(`AccountStore conformance: ${target.engine}`, () => {
    let store: Store;
    let projectId: string;

    beforeEach(async () => {
      store = await openConformanceStore(target);
      ({ projectId } = await store.createProject({ name: 'Accounts' }));
    });
    afterEach(() => store.close());

    const user = (email: string) =>
      store.createUser({ email, name: email.split('@')[0]!, passwordHash: 'h' });

    it('makes the first user the instance administrator, owner of every project', async () => {
      expect(await store.countUsers()).toBe(0);
      const first = await user('Ada@Example.com');
      expect(first).toMatchObject({ email: 'ada@example.com', isAdmin: true });
      expect(await store.getMemberships(first.userId)).toEqual([
        { projectId, name: 'Accounts', role: 'owner' },
      ]);
      const second = await user('bob@example.com');
      expect(second.isAdmin).toBe(false);
      expect(await store.getMemberships(second.userId)).toEqual([]);
      await expect(user('ADA@example.com')).rejects.toMatchObject({ name: 'StoreConflictError' });
      expect((await store.getUserByEmail(' ada@EXAMPLE.com'))?.userId).toBe(first.userId);
      expect(await store.getUser(second.userId)).toEqual(second);
      expect(await store.getUser('usr_unknown')).toBeUndefined();
      expect(await store.getUserWithPassword(first.userId)).toEqual({ ...first, passwordHash: 'h' });
      expect(await store.getUser(first.userId)).not.toHaveProperty('passwordHash');
      expect((await store.listUsers()).map((u) => u.email).sort()).toEqual([
        'ada@example.com',
        'bob@example.com',
      ]);
      expect(await store.countUsers()).toBe(2);
    });

    it('gives one role per project, changes and removes it', async () => {
      await user('admin@example.com');
      const bob = await user('bob@example.com');
      await store.setMember(projectId, bob.userId, 'viewer');
      expect(await store.getRole(projectId, bob.userId)).toBe('viewer');
      await store.setMember(projectId, bob.userId, 'analyst');
      expect(await store.getRole(projectId, bob.userId)).toBe('analyst');
      expect((await store.listMembers(projectId)).map((m) => [m.email, m.role])).toEqual([
        ['admin@example.com', 'owner'],
        ['bob@example.com', 'analyst'],
      ]);
      expect(await store.removeMember(projectId, bob.userId)).toBe(true);
      expect(await store.removeMember(projectId, bob.userId)).toBe(false);
      expect(await store.getRole(projectId, bob.userId)).toBeUndefined();
      expect(await store.getRole('prj_unknown', bob.userId)).toBeUndefined();
    });

    it('finds a session by its token, ends it, and expires it when idle', async () => {
      const ada = await user('ada@example.com');
      const { token, sessionId } = await store.createSession(ada.userId);
      expect((await store.getSession(token, DAY))?.user.userId).toBe(ada.userId);
      expect(await store.getSession(token, -1)).toBeUndefined();
      // Idle expiry deleted it: a longer idle period does not bring it back.
      expect(await store.getSession(token, DAY)).toBeUndefined();
      const other = await store.createSession(ada.userId);
      await store.deleteSession(other.token);
      expect(await store.getSession(other.token, DAY)).toBeUndefined();
      expect(sessionId).not.toBe(token);
    });

    it('ends every other session of a user when the password changes', async () => {
      const ada = await user('ada@example.com');
      const kept = await store.createSession(ada.userId);
      const other = await store.createSession(ada.userId);
      await store.setPasswordHash(ada.userId, 'h2', kept.sessionId);
      expect(await store.getSession(kept.token, DAY)).toBeDefined();
      expect(await store.getSession(other.token, DAY)).toBeUndefined();
      expect((await store.getUserByEmail('ada@example.com'))?.passwordHash).toBe('h2');
    });

    it('accepts an invitation once, creating the member with its role', async () => {
      await user('owner@example.com');
      const invitation = await store.createInvitation({
        projectId,
        email: 'Carol@Example.com',
        role: 'analyst',
        invitedBy: 'owner@example.com',
        ttlMs: 7 * DAY,
      });
      expect(await store.getInvitation(invitation.token)).toMatchObject({
        email: 'carol@example.com',
        role: 'analyst',
        projectName: 'Accounts',
      });
      expect((await store.listInvitations(projectId)).map((i) => i.invitationId)).toEqual([
        invitation.invitationId,
      ]);
      const accepted = await store.acceptInvitation(invitation.token, { name: 'Carol', passwordHash: 'hc' });
      expect(accepted?.user).toMatchObject({ email: 'carol@example.com', name: 'Carol', isAdmin: false });
      expect(await store.getRole(projectId, accepted!.user.userId)).toBe('analyst');
      expect(await store.acceptInvitation(invitation.token, { name: 'Mallory', passwordHash: 'x' })).toBe(
        undefined,
      );
      expect(await store.listInvitations(projectId)).toEqual([]);
    });

    it('refuses expired and revoked invitations', async () => {
      const expired = await store.createInvitation({ projectId, email: 'a@x.io', role: 'viewer', ttlMs: -1 });
      expect(await store.getInvitation(expired.token)).toBeUndefined();
      const revoked = await store.createInvitation({
        projectId,
        email: 'b@x.io',
        role: 'viewer',
        ttlMs: DAY,
      });
      expect(await store.revokeInvitation(projectId, revoked.invitationId)).toBe(true);
      expect(await store.acceptInvitation(revoked.token, { name: 'B', passwordHash: 'h' })).toBeUndefined();
    });

    it('lets the set-up link create the first account only', async () => {
      const setup = await store.createInvitation({ email: '', ttlMs: DAY });
      const first = await store.acceptInvitation(setup.token, {
        name: 'Admin',
        passwordHash: 'h',
        email: 'admin@example.com',
      });
      expect(first?.user.isAdmin).toBe(true);
      expect(await store.getRole(projectId, first!.user.userId)).toBe('owner');
      const late = await store.createInvitation({ email: '', ttlMs: DAY });
      expect(
        await store.acceptInvitation(late.token, { name: 'X', passwordHash: 'h', email: 'x@example.com' }),
      ).toBeUndefined();
      await store.revokeSetupInvitations();
      expect(await store.getInvitation(late.token)).toBeUndefined();
    });

    it('opens a share link until it expires or is revoked', async () => {
      const link = await store.createShareLink({
        projectId,
        view: 'funnel',
        state: { steps: 'a,b' },
        createdBy: 'ada@example.com',
        expiresAt: Date.now() + DAY,
      });
      expect(await store.getShareLink(link.token)).toMatchObject({ view: 'funnel', state: { steps: 'a,b' } });
      expect(await store.revokeShareLink(projectId, link.shareId)).toBe(true);
      expect(await store.getShareLink(link.token)).toBeUndefined();
      expect((await store.listShareLinks(projectId))[0]?.revokedAt).toBeTypeOf('number');
      const past = await store.createShareLink({
        projectId,
        view: 'overview',
        state: {},
        createdBy: 'ada@example.com',
        expiresAt: Date.now() - 1,
      });
      expect(await store.getShareLink(past.token)).toBeUndefined();
    });

    it("keeps a project's audit log, with its members' sign-ins, newest first", async () => {
      const ada = await user('ada@example.com');
      const other = await store.createProject({ name: 'Other' });
      const actor = { kind: 'user' as const, id: ada.userId, label: ada.email };
      await store.appendAudit({ actor, action: 'auth.signIn', ip: '127.0.0.1' });
      await store.appendAudit({ projectId, actor, action: 'member.invited', target: 'bob@example.com' });
      await store.appendAudit({ projectId: other.projectId, actor, action: 'key.created' });
      await store.appendAudit({ actor: { kind: 'user', label: 'eve@x.io' }, action: 'auth.signInFailed' });
      await store.appendAudit({
        actor: { kind: 'system', label: 'parcours' },
        action: 'auth.signInFailed',
        target: 'ada@example.com',
      });
      const log = await store.getAuditLog(projectId, { limit: 10 });
      // Ada owns both projects (first user), Eve is nobody's member.
      expect(log.entries.map((e) => e.action)).toEqual([
        'auth.signInFailed',
        'member.invited',
        'auth.signIn',
      ]);
      const page = await store.getAuditLog(projectId, { limit: 1, action: 'member.' });
      expect(page.entries.map((e) => e.target)).toEqual(['bob@example.com']);
      const byActor = await store.getAuditLog(projectId, { limit: 10, actor: 'ADA@example.com' });
      expect(byActor.entries).toHaveLength(2);
      const first = await store.getAuditLog(projectId, { limit: 2 });
      expect(first.nextCursor).not.toBeNull();
      expect(typeof first.nextCursor).toBe('string');
      const second = await store.getAuditLog(projectId, { limit: 2, cursor: first.nextCursor! });
      expect(second.entries.map((e) => e.action)).toEqual(['auth.signIn']);
      expect(second.nextCursor).toBeNull();
      await expect(store.getAuditLog(projectId, { limit: 2, cursor: '3' })).rejects.toMatchObject(
        INVALID_CURSOR,
      );
    });

    it('renames and deletes a project with everything it holds', async () => {
      const ada = await user('ada@example.com');
      await store.renameProject(projectId, 'Renamed');
      expect((await store.getMemberships(ada.userId))[0]?.name).toBe('Renamed');
      const created = await store.createProject({ name: 'Doomed', ownerUserId: ada.userId });
      await store.insertEvents(created.projectId, [
        { id: 'e1', type: 'track', name: 'x', anonymousId: 'a', timestamp: 1 },
      ]);
      await store.deleteProject(created.projectId);
      expect(await store.getProjectByWriteKey(created.writeKey)).toBeUndefined();
      expect(await store.getKeyGrant(created.secretKey)).toBeUndefined();
      expect((await store.getMemberships(ada.userId)).map((m) => m.name)).toEqual(['Renamed']);
    });
  });
}
