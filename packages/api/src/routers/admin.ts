import { authorisedProcedure, router } from '../trpc.js';

/** Project administration. For now: which project a secret key opens. */
export const adminRouter = router({
  /** The project the caller's secret key opens: the dashboard's sign-in check. */
  project: authorisedProcedure.query(({ ctx }) => ({
    projectId: ctx.project.projectId,
    name: ctx.project.name,
    writeKey: ctx.project.writeKey,
  })),
});
