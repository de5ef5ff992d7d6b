import { TRPCError } from '@trpc/server';
import {
  CONSENT_CATEGORIES,
  collectInputSchema,
  isOversizedBatch,
  LIMITS,
  parseCollectInput,
  type ConsentCategory,
} from '@parcours/schema';
import { resolveTrustedSource } from '../auth/resolveTrustedSource.js';
import { dropGpcMarketing } from '../consent/dropGpcMarketing.js';
import { isPolicyVersionAccepted } from '../consent/isPolicyVersionAccepted.js';
import { minimiseEvents } from '../minimum/minimiseEvents.js';
import { signIdentities } from '../signIdentities.js';
import { collectorProcedure } from '../rateLimit/collectorProcedure.js';

/** What a batch without a consent list may store when it comes with the public write key alone. */
const DEFAULT_GRANTED: readonly ConsentCategory[] = ['analytics'];

/**
 * `POST /trpc/collect`: stores a batch of touchpoints and answers once it is
 * committed. The batch is validated whole: one bad event rejects the request (400,
 * naming the field) and nothing of it is stored, so the SDK can drop exactly the
 * batch it sent and the page developer sees the error at once.
 *
 * Consent: only events of a category the batch's `consent` list grants are stored
 * (an event without a category is `analytics`); the others are counted in `refused`.
 * A batch without a list grants `analytics` only, because anyone holding the public
 * write key could send one: a trusted server-side source that collects on another
 * legal basis sends a secret key with the `ingest` scope (`Authorization: Bearer`),
 * and then a batch without a list stores every category.
 *
 * Global Privacy Control (issue 8): under `Sec-GPC: 1`, `marketing` events are refused
 * unless the device's latest ledger record is an explicit marketing grant made with GPC on.
 *
 * Policy version (issue 8): a batch under a version never published, or older than
 * the current config's minimum, is refused whole (not stored, every event counted in
 * `refused`); a batch without one is stored with no version, unless a minimum is set.
 *
 * Minimum (issue 9): what is stored passes `minimiseEvents` with the project's
 * collection settings (query allow-list, PII redaction). No IP address is stored:
 * the client's address only feeds the in-memory rate limits.
 */
export const collect = collectorProcedure
  // Before parsing: an oversized batch is a 413, and not worth validating.
  .use(async ({ getRawInput, next }) => {
    const raw = await getRawInput();
    if (isOversizedBatch(raw)) {
      const { length } = (raw as { batch: unknown[] }).batch;
      throw new TRPCError({
        code: 'PAYLOAD_TOO_LARGE',
        message: `batch: ${length} events, and a batch holds at most ${LIMITS.maxBatchEvents} events (LIMITS.maxBatchEvents): send it in several requests`,
      });
    }
    return next();
  })
  // The hand-written fast path, or zod to throw an error naming the field.
  .input((raw: unknown) => parseCollectInput(raw) ?? collectInputSchema.parse(raw))
  .mutation(async ({ ctx, input, path }) => {
    const project = await ctx.store.getProjectByWriteKey(input.writeKey);
    if (project === undefined) {
      throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Unknown write key' });
    }
    const policy = await ctx.store.getConsentPolicy(project.projectId);
    if (!isPolicyVersionAccepted(input.policyVersion, policy)) {
      return { accepted: 0, duplicates: 0, refused: input.batch.length };
    }
    // Unsigned user ids are kept apart when the project requires signatures (issue 13).
    const batch = signIdentities(input.batch, await ctx.store.getIdentitySettings(project.projectId));
    // Consent is enforced twice: the SDK sends the categories granted on the device,
    // and an event of another category is not stored even if a buggy or hostile client sent it.
    const trusted = await resolveTrustedSource(ctx, path, project);
    const granted: readonly ConsentCategory[] =
      input.consent ?? (trusted ? CONSENT_CATEGORIES : DEFAULT_GRANTED);
    let allowed = batch.filter((event) => granted.includes(event.category ?? 'analytics'));
    // `Sec-GPC: 1`: marketing only for a device that opted in with GPC on (see dropGpcMarketing).
    if (ctx.request?.gpc === true) allowed = await dropGpcMarketing(ctx.store, project.projectId, allowed);
    // Collect the minimum (issue 9): query allow-list and PII redaction, the last step before storage.
    allowed = minimiseEvents(allowed, await ctx.store.getCollectionSettings(project.projectId));
    const result = await ctx.store.insertEvents(project.projectId, allowed, {
      policyVersion: input.policyVersion,
    });
    // Committed: the project's open dashboards may show it now (issue 12, live).
    if (result.accepted > 0) ctx.services?.liveFeed?.publish(project.projectId);
    const refused = batch.length - allowed.length;
    return refused === 0 ? result : { ...result, refused };
  });
