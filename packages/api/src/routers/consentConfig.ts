import { TRPCError } from '@trpc/server';
import { LIMITS, textSchema } from '@parcours/schema';
import { z } from 'zod';
import { collectorProcedure } from '../rateLimit/collectorProcedure.js';

/** How long a browser or CDN may reuse the config without asking again. */
export const CONSENT_CONFIG_MAX_AGE_SECONDS = 60;

/**
 * `GET /trpc/consent.config?input={"writeKey":"wk_…"}`: the project's current
 * published consent config, for the banner on any origin (no credentials; charged to
 * the write key's bucket like the collector). Cacheable: `ETag: "<version>-<configHash>"`
 * (the version too: republishing an unchanged config is a new version the banner must
 * re-ask for, with the same hash) and
 * `Cache-Control: public, max-age=60`; the server answers a matching `If-None-Match`
 * with 304 (apps/server's HTTP layer). An unknown write key is a 401.
 */
export const consentConfig = collectorProcedure
  .input(z.object({ writeKey: textSchema(1, LIMITS.maxWriteKeyLength) }))
  .query(async ({ ctx, input }) => {
    const project = await ctx.store.getProjectByWriteKey(input.writeKey);
    if (project === undefined) {
      throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Unknown write key' });
    }
    const config = await ctx.store.getConsentConfig(project.projectId);
    // Set only on success: an error keeps the route's `no-store`.
    ctx.setHeader?.('ETag', consentConfigEtag(config));
    ctx.setHeader?.('Cache-Control', `public, max-age=${CONSENT_CONFIG_MAX_AGE_SECONDS}`);
    return config;
  });

/** The config's entity tag: its version and hash (see `consentConfig`). */
export function consentConfigEtag(config: { policyVersion: number; configHash: string }): string {
  return `"${config.policyVersion}-${config.configHash}"`;
}
