export { appRouter, createCaller, type AppRouter } from './appRouter.js';
export type { AuthorisedContext, Context } from './context.js';
export type { KnownChannel } from '@parcours/schema';
