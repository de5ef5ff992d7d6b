import {
  createKey,
  hashToken,
  type AccountStore,
  type Invitation,
  type Project,
  type ShareLink,
  type UserWithPassword,
} from '@parcours/store';
import type { Records } from './createRecords.js';
import type { createAccountState } from './createAccountState.js';
import { normaliseEmail } from './createAccountState.js';

interface InvitationBody extends Omit<Invitation, 'projectName'> {
  acceptedAt?: number;
  revokedAt?: number;
}

type InvitationMethods = Pick<
  AccountStore,
  | 'createInvitation'
  | 'getInvitation'
  | 'listInvitations'
  | 'revokeInvitation'
  | 'revokeSetupInvitations'
  | 'acceptInvitation'
  | 'createShareLink'
  | 'getShareLink'
  | 'listShareLinks'
  | 'revokeShareLink'
>;

/**
 * Invitations and share links as shared records, found by the SHA-256 of their token.
 * Accepting is not one transaction as in SQLite: two processes accepting the same
 * token in the same instant may both succeed (the user record is one, by email).
 */
export function createInvitationState(
  records: Records,
  accounts: ReturnType<typeof createAccountState>,
  now: () => number = Date.now,
) {
  const isPending = (body: InvitationBody, at: number) =>
    body.acceptedAt === undefined && body.revokedAt === undefined && body.expiresAt > at;
  const withProjectName = async (body: InvitationBody): Promise<Invitation> => {
    const { acceptedAt: _a, revokedAt: _r, ...invitation } = body;
    if (body.projectId === undefined) return invitation;
    const project = await records.get<Project>('project', body.projectId);
    return { ...invitation, projectName: project?.name };
  };
  const isLive = (link: ShareLink, at: number) => link.revokedAt === null && link.expiresAt > at;

  const methods: InvitationMethods = {
    async createInvitation({ projectId, email, role, invitedBy, ttlMs }) {
      const token = createKey('inv', 24);
      const createdAt = now();
      if (projectId !== undefined && (await records.get('project', projectId)) === undefined) {
        throw new Error(`unknown project ${projectId}`);
      }
      const body: InvitationBody = {
        invitationId: createKey('ivt', 9),
        projectId,
        email: normaliseEmail(email),
        role,
        invitedBy,
        createdAt,
        expiresAt: createdAt + ttlMs,
      };
      await records.put('invitation', hashToken(token), body, projectId ?? '');
      return { ...(await withProjectName(body)), token };
    },
    async getInvitation(token) {
      const body = await records.get<InvitationBody>('invitation', hashToken(token));
      return body !== undefined && isPending(body, now()) ? withProjectName(body) : undefined;
    },
    async listInvitations(projectId) {
      const at = now();
      const pending = (await records.list<InvitationBody>('invitation', projectId))
        .map((row) => row.value)
        .filter((body) => isPending(body, at))
        .sort((a, b) => b.createdAt - a.createdAt);
      return Promise.all(pending.map(withProjectName));
    },
    async revokeInvitation(projectId, invitationId) {
      const at = now();
      const found = (await records.list<InvitationBody>('invitation', projectId)).find(
        (row) => row.value.invitationId === invitationId && isPending(row.value, at),
      );
      if (found === undefined) return false;
      await records.put('invitation', found.id, { ...found.value, revokedAt: at }, projectId);
      return true;
    },
    async revokeSetupInvitations() {
      const at = now();
      const pending = (await records.list<InvitationBody>('invitation', '')).filter((row) =>
        isPending(row.value, at),
      );
      await records.putAll(
        pending.map((row) => ({
          kind: 'invitation' as const,
          id: row.id,
          owner: '',
          value: { ...row.value, revokedAt: at },
        })),
      );
    },
    async acceptInvitation(token, account) {
      const hash = hashToken(token);
      const body = await records.get<InvitationBody>('invitation', hash);
      const at = now();
      if (body === undefined || !isPending(body, at)) return undefined;
      let user: UserWithPassword;
      if (body.projectId === undefined) {
        // The set-up link: only while the instance has no user at all.
        if ((await accounts.users()).length > 0 || account.email === undefined) return undefined;
        user = await accounts.insertUser({ ...account, email: account.email, isAdmin: true });
      } else {
        user =
          (await records.get<UserWithPassword>('user', body.email)) ??
          (await accounts.insertUser({ ...account, email: body.email, isAdmin: false }));
        await accounts.methods.setMember(body.projectId, user.userId, body.role!);
      }
      await records.put('invitation', hash, { ...body, acceptedAt: at }, body.projectId ?? '');
      const { passwordHash: _, ...publicUser } = user;
      return { user: publicUser, projectId: body.projectId };
    },

    async createShareLink({ projectId, view, state, createdBy, expiresAt }) {
      const token = createKey('shr', 24);
      const link: ShareLink = {
        shareId: createKey('share', 9),
        projectId,
        view,
        state,
        createdBy,
        createdAt: now(),
        expiresAt,
        revokedAt: null,
      };
      await records.put('share_link', hashToken(token), link, projectId);
      return { ...link, token };
    },
    async getShareLink(token) {
      const link = await records.get<ShareLink>('share_link', hashToken(token));
      return link !== undefined && isLive(link, now()) ? link : undefined;
    },
    async listShareLinks(projectId) {
      return (await records.list<ShareLink>('share_link', projectId))
        .map((row) => row.value)
        .sort((a, b) => b.createdAt - a.createdAt || (a.shareId < b.shareId ? -1 : 1));
    },
    async revokeShareLink(projectId, shareId) {
      const found = (await records.list<ShareLink>('share_link', projectId)).find(
        (row) => row.value.shareId === shareId && row.value.revokedAt === null,
      );
      if (found === undefined) return false;
      await records.put('share_link', found.id, { ...found.value, revokedAt: now() }, projectId);
      return true;
    },
  };
  return methods;
}
