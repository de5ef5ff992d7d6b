import { TRPCError } from '@trpc/server';
import type { Project, Session } from '@parcours/store';
import type { Context, ProjectCaller } from '../context.js';
import { DEFAULT_SESSION_IDLE_MS } from './createApiServices.js';
import { serializeSessionCookie } from './sessionCookie.js';

const BEARER = /^Bearer\s+(\S+)$/i;

/**
 * The session of the request's cookie, if it is alive. When the store pushed its idle
 * expiry back, the cookie's `Max-Age` is pushed back too, or the browser would drop
 * an active session a week after sign-in.
 */
export async function resolveSession(ctx: Context): Promise<Session | undefined> {
  if (ctx.sessionToken === undefined) return undefined;
  const idleMs = ctx.services?.sessionIdleMs ?? DEFAULT_SESSION_IDLE_MS;
  const session = await ctx.store.getSession(ctx.sessionToken, idleMs);
  if (session?.renewed) {
    ctx.setCookie?.(
      serializeSessionCookie(ctx.sessionToken, { secure: ctx.request?.secure ?? false, maxAgeMs: idleMs }),
    );
  }
  return session;
}

function notFound(projectId: string | undefined): TRPCError {
  return new TRPCError({ code: 'NOT_FOUND', message: `No project ${projectId ?? ''}`.trim() });
}

/**
 * Who calls a project procedure: a secret key (`Authorization: Bearer`, preferred when
 * both are sent) or the session cookie's user and their role in the project.
 */
export async function resolveProjectCaller(
  ctx: Context,
  projectId: string | undefined,
): Promise<{ project: Project; caller: ProjectCaller }> {
  const secretKey = BEARER.exec(ctx.authorization ?? '')?.[1];
  if (secretKey !== undefined) {
    const grant = await ctx.store.getKeyGrant(secretKey);
    if (grant === undefined) {
      throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Unknown or revoked secret key' });
    }
    if (projectId !== undefined && projectId !== grant.projectId) throw notFound(projectId);
    const project = (await ctx.store.getProject(grant.projectId))!;
    return {
      project,
      caller: {
        actor: { kind: 'key', id: grant.keyId, label: grant.label },
        role: null,
        scope: grant.scope,
      },
    };
  }
  const session = await resolveSession(ctx);
  if (session === undefined) {
    throw new TRPCError({
      code: 'UNAUTHORIZED',
      message: 'Sign in, or send a secret key as "Authorization: Bearer <secretKey>"',
    });
  }
  if (projectId === undefined) {
    throw new TRPCError({ code: 'BAD_REQUEST', message: 'projectId: required' });
  }
  const role = await ctx.store.getRole(projectId, session.user.userId);
  if (role === undefined) throw notFound(projectId);
  const project = (await ctx.store.getProject(projectId))!;
  return {
    project,
    caller: {
      actor: { kind: 'user', id: session.user.userId, label: session.user.email },
      role,
      scope: null,
      user: session.user,
      sessionId: session.sessionId,
    },
  };
}
