export { appRouter, createCaller, type AppRouter } from './appRouter.js';
export type { ApiServices, AuthorisedContext, Context, RequestFacts, SendMail } from './context.js';
export type { KnownChannel } from '@parcours/schema';
export { describePasswordProblem, hashPassword, verifyPassword, PASSWORD_LENGTH } from './auth/password.js';
export { createApiServices, DEFAULT_SESSION_IDLE_MS } from './auth/createApiServices.js';
export { readSessionCookie, SESSION_COOKIE } from './auth/sessionCookie.js';
export { PERMISSIONS, type Permission } from './permissions.js';
export { isCollectorProcedure } from './isCollectorProcedure.js';
