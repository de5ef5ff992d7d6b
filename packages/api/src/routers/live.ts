import type { AuthorisedContext } from '../context.js';
import { authoriseProjectCall, projectProcedure, router } from '../trpc.js';

/** How many touchpoints `live.touchpoints` lists: the Live page's last 100. */
export const LIVE_TOUCHPOINTS_LIMIT = 100;

/**
 * The time of each push for the caller's project (see `LiveFeed.watch`, which listens
 * from this call on), while the caller may still call `path`: the permission is checked
 * again before each push, so a stream ends (with the table's error) once its session
 * ends or its role is taken away. A server without a feed (a test's context) pushes nothing.
 */
function watchProject(
  ctx: AuthorisedContext,
  path: string,
  signal: AbortSignal | undefined,
): AsyncGenerator<number, void, undefined> {
  const feed = ctx.services?.liveFeed;
  const { projectId } = ctx.project;
  const pushes = feed?.watch(projectId, signal ?? new AbortController().signal);
  // Headers are sent by now: a renewed session cannot set its cookie on this response.
  const recheck = { ...ctx, setCookie: undefined };
  return (async function* () {
    if (pushes === undefined) return;
    for await (const at of pushes) {
      await authoriseProjectCall(recheck, path, projectId);
      yield at;
    }
  })();
}

/**
 * Live data (issue 12), as server-sent events: `GET /trpc/live.<name>?input=…`, under
 * the same permission table as queries.
 */
export const liveRouter = router({
  /**
   * `{ at }` (epoch ms) each time touchpoints of the project were stored: at once after
   * a quiet spell, then at most once a second however many batches land. It carries no
   * data; a dashboard refetches what it shows.
   */
  changes: projectProcedure.subscription(async function* ({ ctx, path, signal }) {
    for await (const at of watchProject(ctx, path, signal)) yield { at };
  }),

  /**
   * The project's last {@link LIVE_TOUCHPOINTS_LIMIT} stored touchpoints, newest first
   * (arrival order), as a person's timeline shows them: on subscribing, and again after
   * each change. Read from the store each time, so an erased person is gone from it.
   */
  touchpoints: projectProcedure.subscription(async function* ({ ctx, path, signal }) {
    const read = async (at: number) => ({
      at,
      touchpoints: await ctx.store.getLatestEvents(ctx.project.projectId, { limit: LIVE_TOUCHPOINTS_LIMIT }),
    });
    const pushes = watchProject(ctx, path, signal);
    yield await read(Date.now());
    for await (const at of pushes) yield await read(at);
  }),
});
