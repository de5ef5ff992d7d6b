import { initTRPC, TRPCError } from '@trpc/server';
import { describeValidationIssues, getValidationIssues, type ValidationIssue } from '@parcours/schema';
import { z, ZodError } from 'zod';
import type { Context } from './context.js';

const t = initTRPC.context<Context>().create({
  // Never send stack traces, whatever NODE_ENV says.
  isDev: false,
  errorFormatter({ shape, error }) {
    const issues: ValidationIssue[] | undefined =
      error.cause instanceof ZodError ? getValidationIssues(error.cause) : undefined;
    let message = shape.message;
    if (issues) message = `Invalid input: ${describeValidationIssues(issues)}`;
    // An unexpected error's message may carry internals (SQL, paths): the server logs it.
    else if (error.code === 'INTERNAL_SERVER_ERROR') message = 'Internal server error';
    return { ...shape, message, data: { ...shape.data, issues } };
  },
});

export const router = t.router;
export const publicProcedure = t.procedure;
export const createCallerFactory = t.createCallerFactory;

const BEARER = /^Bearer\s+(\S+)$/i;

/**
 * A procedure reserved to holders of a project's secret key
 * (`Authorization: Bearer <secretKey>`); `ctx.project` is that project.
 */
export const authorisedProcedure = t.procedure.use(async ({ ctx, next }) => {
  const secretKey = BEARER.exec(ctx.authorization ?? '')?.[1];
  if (secretKey === undefined) {
    throw new TRPCError({
      code: 'UNAUTHORIZED',
      message: 'Send the project secret key as "Authorization: Bearer <secretKey>"',
    });
  }
  const project = await ctx.store.getProjectBySecretKey(secretKey);
  if (project === undefined) {
    throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Unknown secret key' });
  }
  return next({ ctx: { project } });
});

/** An authorised procedure whose input names the project, which must be the key's. */
export const projectProcedure = authorisedProcedure
  .input(z.object({ projectId: z.string().min(1).max(64) }))
  .use(({ ctx, input, next }) => {
    if (input.projectId !== ctx.project.projectId) {
      throw new TRPCError({
        code: 'UNAUTHORIZED',
        message: `This secret key does not open project ${input.projectId}`,
      });
    }
    return next();
  });
