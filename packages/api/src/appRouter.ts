import { adminRouter } from './routers/admin.js';
import { collect } from './routers/collect.js';
import { consent } from './routers/consent.js';
import { journeysRouter } from './routers/journeys.js';
import { privacyRouter } from './routers/privacy.js';
import { createCallerFactory, router } from './trpc.js';

/** Every procedure Parcours serves under `/trpc`. */
export const appRouter = router({
  collect,
  consent,
  journeys: journeysRouter,
  privacy: privacyRouter,
  admin: adminRouter,
});

/** The router's type: all the dashboard imports from the API. */
export type AppRouter = typeof appRouter;

/** Calls procedures in-process, for tests and scripts. */
export const createCaller = createCallerFactory(appRouter);
