import { initTRPC, TRPCError } from '@trpc/server';
import { describeValidationIssues, getValidationIssues, type ValidationIssue } from '@parcours/schema';
import { JourneyMapConflictError } from '@parcours/store';
import { z, ZodError } from 'zod';
import { resolveProjectCaller, resolveSession } from './auth/resolveCaller.js';
import { answerEngineError } from './answerEngineErrors.js';
import type { AuthorisedContext, Context } from './context.js';
import { PERMISSIONS, type Permission } from './permissions.js';
import { answerStorageFaults } from './storage/answerStorageFaults.js';

const t = initTRPC.context<Context>().create({
  // Never send stack traces, whatever NODE_ENV says.
  isDev: false,
  // Subscriptions (`live.*`) are server-sent events. A ping every 15 s keeps proxies
  // from closing a quiet stream; a client that heard nothing for 40 s reconnects.
  sse: { ping: { enabled: true, intervalMs: 15_000 }, client: { reconnectAfterInactivityMs: 40_000 } },
  errorFormatter({ shape, error }) {
    const issues: ValidationIssue[] | undefined =
      error.cause instanceof ZodError ? getValidationIssues(error.cause) : undefined;
    let message = shape.message;
    if (issues) message = `Invalid input: ${describeValidationIssues(issues)}`;
    // An unexpected error's message may carry internals (SQL, paths): the server logs it.
    else if (error.code === 'INTERNAL_SERVER_ERROR') message = 'Internal server error';
    // A journey map saved over a newer save: the newer one, for the editor to compare.
    const journeyMap = error.cause instanceof JourneyMapConflictError ? error.cause.current : undefined;
    return { ...shape, message, data: { ...shape.data, issues, journeyMap } };
  },
});

export const router = t.router;

/**
 * Every procedure's base: a storage fault answers 503 with `Retry-After`, never a bare
 * 500, and so does a busy journey engine; a query over its budget answers 400.
 */
const procedure = t.procedure
  .use((options) => answerStorageFaults(options))
  .use(async ({ ctx, next }) => {
    const result = await next();
    if (!result.ok) {
      const answered = answerEngineError(result.error.cause, ctx);
      if (answered !== undefined) throw answered;
    }
    return result;
  });
export const createCallerFactory = t.createCallerFactory;

/** The procedure's entry in the permission table, which must be of one of `accesses`. */
function getPermission(path: string, accesses: ReadonlyArray<Permission['access']>): Permission {
  const permission = PERMISSIONS[path];
  if (permission === undefined || !accesses.includes(permission.access)) {
    // A programming error, caught by permissions.test.ts: fail closed.
    throw new TRPCError({ code: 'FORBIDDEN', message: `${path} has no permission entry` });
  }
  return permission;
}

/**
 * Cross-site request forgery: a browser attaches the session cookie to requests other
 * sites make (SameSite=Lax still allows top-level navigations), so a mutation riding
 * on the cookie must come from the dashboard's own origin. A browser always sends
 * `Origin` with a POST; a request without one did not come from a page.
 */
export function assertSameOrigin(ctx: Context, options: { required: boolean }): void {
  const origin = ctx.request?.origin;
  if (origin === undefined ? !options.required : origin === ctx.request?.selfOrigin) return;
  throw new TRPCError({
    code: 'FORBIDDEN',
    message: 'This request must come from the Parcours dashboard itself (Origin check)',
  });
}

/**
 * Reachable without credentials: the collector (`writeKey`) and the sign-in,
 * invitation and share-link procedures (`public`, which check their token inside).
 * A public mutation coming from another site's page is refused (login CSRF).
 */
export const publicProcedure = procedure.use(({ ctx, path, type, next }) => {
  const { access } = getPermission(path, ['public', 'writeKey']);
  if (access === 'public' && type === 'mutation') assertSameOrigin(ctx, { required: false });
  return next();
});

/** Any signed-in user (`auth.me`, `auth.signOut`…); `ctx.session` is theirs. */
export const userProcedure = procedure.use(async ({ ctx, path, type, next }) => {
  getPermission(path, ['user']);
  const session = await resolveSession(ctx);
  if (session === undefined) {
    throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Sign in first' });
  }
  if (type === 'mutation') assertSameOrigin(ctx, { required: true });
  return next({ ctx: { session } });
});

/**
 * A procedure about one project, named by `projectId` in its input: a member with
 * one of the table's roles (session cookie) or a secret key of that project with one
 * of its scopes (`Authorization: Bearer`). No credentials: UNAUTHORIZED; a project
 * the caller does not belong to: NOT_FOUND, like one that does not exist; a wrong
 * role or scope: FORBIDDEN. Without `projectId`, a key means its own project.
 */
export const anyProjectProcedure = procedure.use(async ({ ctx, path, type, getRawInput, next }) => {
  const raw = await getRawInput();
  const projectId =
    typeof raw === 'object' && raw !== null && 'projectId' in raw && typeof raw.projectId === 'string'
      ? raw.projectId
      : undefined;
  const { project, caller } = await authoriseProjectCall(ctx, path, projectId);
  if (type === 'mutation' && caller.user !== undefined) assertSameOrigin(ctx, { required: true });
  return next({ ctx: { project, caller } });
});

/**
 * The project and caller of a call to the project procedure `path`, or the error the
 * permission table gives this caller. A subscription asks again before each push, so
 * a stream stops when its session ends or its member loses the role.
 */
export async function authoriseProjectCall(
  ctx: Context,
  path: string,
  projectId: string | undefined,
): Promise<Pick<AuthorisedContext, 'project' | 'caller'>> {
  const permission = getPermission(path, ['project']);
  if (permission.access !== 'project') throw new Error('unreachable');
  const { project, caller } = await resolveProjectCaller(ctx, projectId);
  const allowed =
    caller.role !== null ? permission.roles.includes(caller.role) : permission.scopes.includes(caller.scope!);
  if (!allowed) {
    throw new TRPCError({
      code: 'FORBIDDEN',
      message:
        caller.role !== null
          ? `The ${caller.role} role cannot do this (${path})`
          : `A key with scope ${caller.scope} cannot do this (${path})`,
    });
  }
  return { project, caller };
}

/** A project procedure whose input names the project: what the dashboard always sends. */
export const projectProcedure = anyProjectProcedure.input(z.object({ projectId: z.string().min(1).max(64) }));
