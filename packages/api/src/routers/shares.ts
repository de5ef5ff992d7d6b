import { TRPCError } from '@trpc/server';
import { SHARE_VIEWS, type ShareLink, type ShareView } from '@parcours/store';
import { z } from 'zod';
import { auditProject } from '../auth/audit.js';
import { projectProcedure, router } from '../trpc.js';
import { funnelInput, overviewInput, pathsInput, stagesInput } from './journeyInputs.js';
import { resolveSegment } from './resolveSegment.js';
import { viewParamsInput } from './viewParams.js';

/** The query each view runs, validated like the `journeys.*` procedure it comes from. */
export const SHARE_QUERIES = {
  overview: overviewInput,
  funnel: funnelInput,
  paths: pathsInput,
  journeyMap: stagesInput,
} as const satisfies Record<ShareView, z.ZodType>;

/** What a share link keeps: the page's URL state, to rebuild it, and the query it runs. */
export interface ShareState {
  params: Record<string, string>;
  query: Record<string, unknown>;
}

const DAY = 86_400_000;

/** A link's state for listing: live, expired or revoked. */
function getStatus(link: ShareLink, now: number): 'live' | 'expired' | 'revoked' {
  if (link.revokedAt !== null) return 'revoked';
  return link.expiresAt <= now ? 'expired' : 'live';
}

/**
 * Read-only share links of a view (analysts and owners share, owners list and
 * revoke). A link opens that exact view without an account, aggregate figures only.
 */
export const sharesRouter = router({
  create: projectProcedure
    .input(
      z.object({
        view: z.enum(SHARE_VIEWS),
        params: viewParamsInput,
        query: z.record(z.string(), z.unknown()),
        expiresInDays: z.number().int().min(1).max(365),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const parsed = SHARE_QUERIES[input.view].safeParse(input.query);
      if (!parsed.success) {
        throw new TRPCError({
          code: 'BAD_REQUEST',
          message: `query: not a valid ${input.view} query`,
          cause: parsed.error,
        });
      }
      // A saved segment is copied in: the link shows the segment as it was when shared.
      const query: Record<string, unknown> = { ...(await resolveSegment(ctx, parsed.data)) };
      // A breakdown can list property values that identify people (emails, ids): a
      // shared funnel shows its steps only.
      delete query['breakdown'];
      const state: ShareState = { params: input.params, query };
      const link = await ctx.store.createShareLink({
        projectId: ctx.project.projectId,
        view: input.view,
        state: { ...state },
        createdBy: ctx.caller.actor.label,
        expiresAt: Date.now() + input.expiresInDays * DAY,
      });
      await auditProject(ctx, 'share.created', {
        target: link.shareId,
        detail: { view: input.view, expiresInDays: input.expiresInDays },
      });
      return {
        shareId: link.shareId,
        url: `${ctx.request?.selfOrigin ?? ''}/#/share?token=${link.token}`,
        expiresAt: link.expiresAt,
      };
    }),

  list: projectProcedure.query(async ({ ctx }) => {
    const now = Date.now();
    return (await ctx.store.listShareLinks(ctx.project.projectId)).map((link) => ({
      shareId: link.shareId,
      view: link.view,
      params: (link.state as unknown as ShareState).params,
      createdBy: link.createdBy,
      createdAt: link.createdAt,
      expiresAt: link.expiresAt,
      revokedAt: link.revokedAt,
      status: getStatus(link, now),
    }));
  }),

  /** Revokes a link: it answers 404 at once. */
  revoke: projectProcedure
    .input(z.object({ shareId: z.string().min(1).max(64) }))
    .mutation(async ({ ctx, input }) => {
      if (!(await ctx.store.revokeShareLink(ctx.project.projectId, input.shareId))) {
        throw new TRPCError({ code: 'NOT_FOUND', message: `No live share link ${input.shareId}` });
      }
      await auditProject(ctx, 'share.revoked', { target: input.shareId });
      return { revoked: true as const };
    }),
});
