import { TRPCError } from '@trpc/server';
import type { Store } from '@parcours/store';
import { z } from 'zod';
import { publicProcedure, router } from '../trpc.js';
import { requireInlineSegment } from './resolveSegment.js';
import { SHARE_QUERIES, type ShareState } from './shares.js';

/** Runs a shared view's stored query: only aggregate procedures, never person lists. */
async function runSharedQuery(
  store: Store,
  projectId: string,
  view: keyof typeof SHARE_QUERIES,
  query: unknown,
) {
  switch (view) {
    case 'overview':
      return {
        view,
        data: await store.getOverview(projectId, requireInlineSegment(SHARE_QUERIES.overview.parse(query))),
      };
    case 'funnel':
      return {
        view,
        data: await store.getFunnel(projectId, requireInlineSegment(SHARE_QUERIES.funnel.parse(query))),
      };
    case 'paths':
      return {
        view,
        data: await store.getPaths(projectId, requireInlineSegment(SHARE_QUERIES.paths.parse(query))),
      };
    case 'journeyMap':
      return {
        view,
        data: await store
          .getStages(projectId, requireInlineSegment(SHARE_QUERIES.journeyMap.parse(query)))
          .catch((error: unknown) => {
            // The shared map was deleted since.
            if (error instanceof RangeError)
              throw new TRPCError({ code: 'NOT_FOUND', message: error.message });
            throw error;
          }),
      };
  }
}

/** What a share link's visitor (no account) may read. */
export const shareRouter = router({
  /** The shared view with its figures; NOT_FOUND once the link is revoked or expired. */
  get: publicProcedure
    .input(z.object({ token: z.string().min(1).max(128) }))
    .query(async ({ ctx, input }) => {
      const link = await ctx.store.getShareLink(input.token);
      const project = link && (await ctx.store.getProject(link.projectId));
      if (link === undefined || project === undefined) {
        throw new TRPCError({ code: 'NOT_FOUND', message: 'This link has expired or was revoked' });
      }
      const state = link.state as unknown as ShareState;
      const result = await runSharedQuery(ctx.store, link.projectId, link.view, state.query);
      return { ...result, params: state.params, projectName: project.name, expiresAt: link.expiresAt };
    }),
});
