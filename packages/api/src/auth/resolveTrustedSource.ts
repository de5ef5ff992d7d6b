import { TRPCError } from '@trpc/server';
import type { Project } from '@parcours/store';
import type { Context } from '../context.js';
import { PERMISSIONS } from '../permissions.js';

const BEARER = /^Bearer\s+(\S+)$/i;

/**
 * Whether a write-key call (`collect`) comes from a trusted server-side source: it
 * carries a secret key (`Authorization: Bearer sk_…`) of the write key's project with
 * a scope the permission table lists for the procedure (`ingest`). The write key still
 * names the project; the secret key must belong to the same one.
 *
 * No header, or the write key itself in it (it is public anyway): false. A header that
 * is not such a key is refused rather than ignored, so a misconfigured source hears
 * of it instead of silently losing its non-analytics events: an unknown or revoked key
 * is a 401, another project's key or another scope a 403.
 */
export async function resolveTrustedSource(ctx: Context, path: string, project: Project): Promise<boolean> {
  const secretKey = BEARER.exec(ctx.authorization ?? '')?.[1];
  if (secretKey === undefined || secretKey === project.writeKey) return false;
  const grant = await ctx.store.getKeyGrant(secretKey);
  if (grant === undefined) {
    throw new TRPCError({
      code: 'UNAUTHORIZED',
      message: 'Unknown or revoked secret key (Authorization header)',
    });
  }
  if (grant.projectId !== project.projectId) {
    throw new TRPCError({
      code: 'FORBIDDEN',
      message: 'The secret key (Authorization header) belongs to another project than the write key',
    });
  }
  const permission = PERMISSIONS[path];
  const scopes = permission?.access === 'writeKey' ? (permission.scopes ?? []) : [];
  if (!scopes.includes(grant.scope)) {
    throw new TRPCError({
      code: 'FORBIDDEN',
      message: `A key with scope ${grant.scope} cannot send touchpoints (${path}): use a key with scope ${scopes.join(' or ') || 'none'}`,
    });
  }
  return true;
}
