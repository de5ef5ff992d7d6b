import { TRPCError } from '@trpc/server';
import { ROLES, type Role } from '@parcours/store';
import { z } from 'zod';
import { auditProject } from '../auth/audit.js';
import type { AuthorisedContext } from '../context.js';
import { projectProcedure, router } from '../trpc.js';

/** An invitation link is valid this long. */
export const INVITATION_TTL_MS = 7 * 86_400_000;

const projectInput = z.object({ projectId: z.string().min(1).max(64) });
const role = z.enum(ROLES);
const userId = z.string().min(1).max(64);

/** A project must keep an owner: refuse what would remove its last one. */
async function assertKeepsAnOwner(ctx: AuthorisedContext, userId: string, newRole?: Role): Promise<void> {
  const members = await ctx.store.listMembers(ctx.project.projectId);
  const owners = members.filter((m) => m.role === 'owner');
  if (newRole !== 'owner' && owners.length === 1 && owners[0]!.userId === userId) {
    throw new TRPCError({
      code: 'BAD_REQUEST',
      message: 'A project keeps at least one owner: make someone else owner first',
    });
  }
}

/** Members of a project, their roles, and invitations (owners only). */
export const membersRouter = router({
  /** The members with their roles, and the invitations not yet accepted. */
  list: projectProcedure.input(projectInput).query(async ({ ctx }) => {
    const [members, invitations] = await Promise.all([
      ctx.store.listMembers(ctx.project.projectId),
      ctx.store.listInvitations(ctx.project.projectId),
    ]);
    return {
      members,
      invitations: invitations.map(({ invitationId, email, role, invitedBy, createdAt, expiresAt }) => ({
        invitationId,
        email,
        role: role!,
        invitedBy: invitedBy ?? null,
        createdAt,
        expiresAt,
      })),
    };
  }),

  /**
   * Invites an email with a role: a one-time link valid 7 days, shown to copy, and
   * mailed when the server has SMTP settings.
   */
  invite: projectProcedure
    .input(projectInput.extend({ email: z.string().trim().min(3).max(254).email(), role }))
    .mutation(async ({ ctx, input }) => {
      const existing = await ctx.store.getUserByEmail(input.email);
      if (existing && (await ctx.store.getRole(ctx.project.projectId, existing.userId)) !== undefined) {
        throw new TRPCError({
          code: 'CONFLICT',
          message: `${existing.email} is already a member: change their role instead`,
        });
      }
      const invitation = await ctx.store.createInvitation({
        projectId: ctx.project.projectId,
        email: input.email,
        role: input.role,
        invitedBy: ctx.caller.actor.label,
        ttlMs: INVITATION_TTL_MS,
      });
      const url = `${ctx.request?.selfOrigin ?? ''}/#/invitation?token=${invitation.token}`;
      let emailed = false;
      if (ctx.services?.sendMail) {
        await ctx.services.sendMail({
          to: invitation.email,
          subject: `You are invited to ${ctx.project.name} on Parcours`,
          text: `${ctx.caller.actor.label} invites you to join "${ctx.project.name}" on Parcours as ${input.role}.\n\nOpen this link within 7 days to choose your password:\n${url}\n`,
        });
        emailed = true;
      }
      await auditProject(ctx, 'member.invited', {
        target: invitation.email,
        detail: { role: input.role, emailed },
      });
      return { invitationId: invitation.invitationId, url, expiresAt: invitation.expiresAt, emailed };
    }),

  /** Changes a member's role. */
  setRole: projectProcedure.input(projectInput.extend({ userId, role })).mutation(async ({ ctx, input }) => {
    const before = await ctx.store.getRole(ctx.project.projectId, input.userId);
    if (before === undefined)
      throw new TRPCError({ code: 'NOT_FOUND', message: `No member ${input.userId}` });
    await assertKeepsAnOwner(ctx, input.userId, input.role);
    await ctx.store.setMember(ctx.project.projectId, input.userId, input.role);
    const user = await ctx.store.getUser(input.userId);
    await auditProject(ctx, 'member.roleChanged', {
      target: user?.email,
      detail: { from: before, to: input.role },
    });
    return { userId: input.userId, role: input.role };
  }),

  /** Removes a member from the project; their account stays. */
  remove: projectProcedure.input(projectInput.extend({ userId })).mutation(async ({ ctx, input }) => {
    await assertKeepsAnOwner(ctx, input.userId);
    if (!(await ctx.store.removeMember(ctx.project.projectId, input.userId))) {
      throw new TRPCError({ code: 'NOT_FOUND', message: `No member ${input.userId}` });
    }
    const user = await ctx.store.getUser(input.userId);
    await auditProject(ctx, 'member.removed', { target: user?.email });
    return { removed: true as const };
  }),

  /** Revokes an invitation not yet accepted: its link answers 404 at once. */
  revokeInvitation: projectProcedure
    .input(projectInput.extend({ invitationId: z.string().min(1).max(64) }))
    .mutation(async ({ ctx, input }) => {
      if (!(await ctx.store.revokeInvitation(ctx.project.projectId, input.invitationId))) {
        throw new TRPCError({ code: 'NOT_FOUND', message: `No pending invitation ${input.invitationId}` });
      }
      await auditProject(ctx, 'invitation.revoked', { target: input.invitationId });
      return { revoked: true as const };
    }),
});
