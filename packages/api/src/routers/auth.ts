import { TRPCError } from '@trpc/server';
import type { Store, User } from '@parcours/store';
import { z } from 'zod';
import { auditInstance } from '../auth/audit.js';
import { DEFAULT_SESSION_IDLE_MS } from '../auth/createApiServices.js';
import {
  describePasswordProblem,
  getDecoyHash,
  hashPassword,
  PASSWORD_LENGTH,
  verifyPassword,
} from '../auth/password.js';
import { serializeClearedSessionCookie, serializeSessionCookie } from '../auth/sessionCookie.js';
import type { Context } from '../context.js';
import { publicProcedure, router, userProcedure } from '../trpc.js';

const email = z.string().trim().min(3).max(254).email();
const password = z.string().min(1).max(PASSWORD_LENGTH.max);
const newPassword = z
  .string()
  .min(PASSWORD_LENGTH.min, `at least ${PASSWORD_LENGTH.min} characters`)
  .max(PASSWORD_LENGTH.max);
const token = z.string().min(1).max(128);

/** What the dashboard knows of the signed-in user: who, and which projects with which role. */
async function describeAccount(store: Store, user: User) {
  return {
    user: { id: user.userId, email: user.email, name: user.name, isAdmin: user.isAdmin },
    projects: await store.getMemberships(user.userId),
  };
}

/** Opens a session for `user` and sets its cookie. */
async function startSession(ctx: Context, user: User): Promise<void> {
  const { token } = await ctx.store.createSession(user.userId);
  ctx.setCookie?.(
    serializeSessionCookie(token, {
      secure: ctx.request?.secure ?? false,
      maxAgeMs: ctx.services?.sessionIdleMs ?? DEFAULT_SESSION_IDLE_MS,
    }),
  );
}

/** Sign-in, sign-out, the signed-in account, password changes and invitations. */
export const authRouter = router({
  /**
   * Email and password → a session cookie. Wrong credentials are one UNAUTHORIZED,
   * whether the email exists or not (same answer, same time); five failures within
   * 15 minutes for one email or from one address answer 429 with `Retry-After`.
   */
  signIn: publicProcedure.input(z.object({ email, password })).mutation(async ({ ctx, input }) => {
    const address = input.email.toLowerCase();
    const throttle = ctx.services?.signInThrottle;
    const keys = [`email:${address}`, `ip:${ctx.request?.ip ?? 'unknown'}`];
    const retryAfterMs = throttle?.getRetryAfterMs(keys) ?? 0;
    if (retryAfterMs > 0) {
      const seconds = Math.ceil(retryAfterMs / 1000);
      ctx.setHeader?.('Retry-After', String(seconds));
      throw new TRPCError({
        code: 'TOO_MANY_REQUESTS',
        message: `Too many failed sign-ins: try again in ${Math.ceil(seconds / 60)} minutes`,
      });
    }
    const user = await ctx.store.getUserByEmail(address);
    const matches = await verifyPassword(input.password, user?.passwordHash ?? (await getDecoyHash()));
    if (user === undefined || !matches) {
      throttle?.recordFailure(keys);
      await auditInstance(ctx, {
        actor: { kind: 'user', id: user?.userId, label: address },
        action: 'auth.signInFailed',
        target: address,
      });
      throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Wrong email or password' });
    }
    throttle?.clear(keys[0]!);
    await startSession(ctx, user);
    await auditInstance(ctx, {
      actor: { kind: 'user', id: user.userId, label: user.email },
      action: 'auth.signIn',
    });
    return describeAccount(ctx.store, user);
  }),

  /** Ends the session server-side and clears the cookie. */
  signOut: userProcedure.mutation(async ({ ctx }) => {
    await ctx.store.deleteSession(ctx.sessionToken!);
    ctx.setCookie?.(serializeClearedSessionCookie({ secure: ctx.request?.secure ?? false }));
    await auditInstance(ctx, {
      actor: { kind: 'user', id: ctx.session.user.userId, label: ctx.session.user.email },
      action: 'auth.signOut',
    });
    return { signedOut: true as const };
  }),

  /** The signed-in user and their projects with their role in each. */
  me: userProcedure.query(({ ctx }) => describeAccount(ctx.store, ctx.session.user)),

  /** Changes the password after checking the current one; every other session ends. */
  changePassword: userProcedure
    .input(z.object({ currentPassword: password, newPassword }))
    .mutation(async ({ ctx, input }) => {
      const user = (await ctx.store.getUserWithPassword(ctx.session.user.userId))!;
      if (!(await verifyPassword(input.currentPassword, user.passwordHash))) {
        throw new TRPCError({ code: 'BAD_REQUEST', message: 'currentPassword: does not match' });
      }
      await ctx.store.setPasswordHash(
        user.userId,
        await hashPassword(input.newPassword),
        ctx.session.sessionId,
      );
      await auditInstance(ctx, {
        actor: { kind: 'user', id: user.userId, label: user.email },
        action: 'auth.passwordChanged',
      });
      return { changed: true as const };
    }),

  /** What a pending invitation (or the set-up link) offers, to show before accepting. */
  invitation: publicProcedure.input(z.object({ token })).query(async ({ ctx, input }) => {
    const invitation = await ctx.store.getInvitation(input.token);
    if (invitation === undefined) {
      throw new TRPCError({ code: 'NOT_FOUND', message: 'This invitation was used, revoked or has expired' });
    }
    return {
      kind: invitation.projectId === undefined ? ('setup' as const) : ('project' as const),
      email: invitation.email,
      /** The invited email already has an account: accepting asks for its password. */
      hasAccount: invitation.email !== '' && (await ctx.store.getUserByEmail(invitation.email)) !== undefined,
      projectName: invitation.projectName,
      role: invitation.role,
      expiresAt: invitation.expiresAt,
    };
  }),

  /**
   * Accepts an invitation: sets the name and password (the set-up link also the
   * email), joins the project, and signs in.
   */
  acceptInvitation: publicProcedure
    .input(
      z.object({
        token,
        name: z.string().trim().min(1).max(100),
        password: newPassword,
        email: email.optional(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const problem = describePasswordProblem(input.password);
      if (problem !== undefined) throw new TRPCError({ code: 'BAD_REQUEST', message: problem });
      const invitation = await ctx.store.getInvitation(input.token);
      if (invitation?.projectId === undefined && invitation !== undefined && input.email === undefined) {
        throw new TRPCError({ code: 'BAD_REQUEST', message: 'email: required to set up the first account' });
      }
      // Whoever holds the link must not take over an existing account: they prove it is theirs.
      const existing = invitation?.email ? await ctx.store.getUserByEmail(invitation.email) : undefined;
      if (existing !== undefined && !(await verifyPassword(input.password, existing.passwordHash))) {
        throw new TRPCError({
          code: 'UNAUTHORIZED',
          message: `${existing.email} already has an account: enter its password to join`,
        });
      }
      const accepted = await ctx.store.acceptInvitation(input.token, {
        name: input.name,
        passwordHash: await hashPassword(input.password),
        email: input.email,
      });
      if (accepted === undefined) {
        throw new TRPCError({
          code: 'NOT_FOUND',
          message: 'This invitation was used, revoked or has expired',
        });
      }
      const { user, projectId } = accepted;
      await ctx.store.appendAudit({
        projectId,
        actor: { kind: 'user', id: user.userId, label: user.email },
        action: projectId === undefined ? 'user.created' : 'member.joined',
        target: user.email,
        detail: invitation?.role ? { role: invitation.role } : {},
        ip: ctx.request?.ip,
      });
      await startSession(ctx, user);
      return describeAccount(ctx.store, user);
    }),
});
