import type { AuditEntryInput } from '@parcours/store';
import type { AuthorisedContext, Context } from '../context.js';

/** Appends an entry about the caller's project, by the caller, from their address. */
export function auditProject(
  ctx: AuthorisedContext,
  action: string,
  facts: Pick<AuditEntryInput, 'target' | 'detail'> = {},
): Promise<void> {
  return ctx.store.appendAudit({
    projectId: ctx.project.projectId,
    actor: ctx.caller.actor,
    action,
    ip: ctx.request?.ip,
    ...facts,
  });
}

/** Appends an instance-wide entry (sign-ins, password changes). */
export function auditInstance(ctx: Context, entry: Omit<AuditEntryInput, 'ip' | 'projectId'>): Promise<void> {
  return ctx.store.appendAudit({ ...entry, ip: ctx.request?.ip });
}
