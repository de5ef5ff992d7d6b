import { TRPCError } from '@trpc/server';
import { consentInputSchema } from '@parcours/schema';
import { minimiseConsentRecords } from '../minimum/minimiseEvents.js';
import { eraseWithdrawals } from '../consent/eraseWithdrawals.js';
import { findWithdrawals } from '../consent/findWithdrawals.js';
import { collectorProcedure } from '../rateLimit/collectorProcedure.js';

/**
 * `POST /trpc/consent`: keeps proof of consent decisions (time, categories granted
 * and denied, policy version, source) for the privacy officer. Like `collect`, it
 * is called from customers' pages with the public write key and answers once the
 * records are committed (appended to the project's ledger, see the store README); a repeated record id is a duplicate, so the SDK may retry.
 * A withdrawal (a device granting less than before) then erases that device's data
 * when the project says so (`withdrawalErases`, default on; see eraseWithdrawals).
 */
export const consent = collectorProcedure.input(consentInputSchema).mutation(async ({ ctx, input }) => {
  const project = await ctx.store.getProjectByWriteKey(input.writeKey);
  if (project === undefined) {
    throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Unknown write key' });
  }
  // The server's own facts: the page's origin and the browser's GPC signal.
  const facts = { origin: ctx.request?.origin, gpc: ctx.request?.gpc };
  // Read before appending: afterwards the device's latest record is this one.
  const withdrawals = await findWithdrawals(
    input.records,
    async (anonymousId) => (await ctx.store.getLatestConsent(project.projectId, anonymousId))?.granted,
  );
  // The page path is redacted like an event's (issue 9); no IP address is kept.
  const settings = await ctx.store.getCollectionSettings(project.projectId);
  const result = await ctx.store.insertConsentRecords(
    project.projectId,
    minimiseConsentRecords(input.records, settings),
    facts,
  );
  await eraseWithdrawals(ctx.store, project.projectId, withdrawals);
  return result;
});
