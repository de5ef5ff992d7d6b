import { TRPCError } from '@trpc/server';
import type { PrivacySubjectRef } from '@parcours/store';
import { z } from 'zod';
import { auditProject } from '../auth/audit.js';
import { projectProcedure } from '../trpc.js';

const id = z.string().min(1).max(256);

/** `{ userId }` or `{ anonymousId }`: exactly one. */
export const privacySubjectInput = z
  .object({ userId: id.optional(), anonymousId: id.optional() })
  .refine((v) => (v.userId === undefined) !== (v.anonymousId === undefined), {
    message: 'Give exactly one of userId or anonymousId',
  });

function toSubjectRef(input: z.infer<typeof privacySubjectInput>): PrivacySubjectRef {
  return input.userId !== undefined ? { userId: input.userId } : { anonymousId: input.anonymousId! };
}

/**
 * Access and erasure of one person's data (issue 9), merged into `privacyRouter`.
 * Audit entries never name the person: an erased person's ids must not survive in
 * the append-only log. They carry the rows per table (and the erasure's request id).
 */
export const personPrivacyProcedures = {
  /**
   * Every row about the person (all their linked ids) in every person table, as one
   * versioned JSON document (see the store README); NOT_FOUND when no row holds the id.
   */
  exportPerson: projectProcedure.input(privacySubjectInput).query(async ({ ctx, input }) => {
    const exported = await ctx.store.exportPerson(ctx.project.projectId, toSubjectRef(input));
    if (exported === undefined) {
      const [kind] = Object.keys(toSubjectRef(input));
      throw new TRPCError({ code: 'NOT_FOUND', message: `${kind}: no person with this id in this project` });
    }
    // The detail is flat: rows per table, by table name.
    const rows = Object.fromEntries(
      Object.entries(exported.tables).map(([table, list]) => [table, list.length]),
    );
    await auditProject(ctx, 'privacy.personExported', { detail: rows });
    return exported;
  }),

  /**
   * Erases the person from every person table, the journey index and the database
   * file; answers the receipt, which the audit log keeps. Erasing again answers zeros.
   */
  erasePerson: projectProcedure.input(privacySubjectInput).mutation(async ({ ctx, input }) => {
    const receipt = await ctx.store.erasePerson(ctx.project.projectId, toSubjectRef(input));
    const { requestId, erasedAt, tables } = receipt;
    await auditProject(ctx, 'privacy.personErased', {
      target: requestId,
      detail: { requestId, erasedAt, ...tables },
    });
    return receipt;
  }),
};
