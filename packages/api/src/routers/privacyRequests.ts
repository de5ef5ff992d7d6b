import { TRPCError } from '@trpc/server';
import { formatCalendarDay, type PrivacyRequest, type PrivacyRequestChange } from '@parcours/store';
import { auditProject } from '../auth/audit.js';
import type { AuthorisedContext } from '../context.js';
import { eraseRequestSubjects, exportRequestData } from '../privacyRequests/answerPrivacyRequest.js';
import {
  completeRequestInput,
  extendRequestInput,
  newRequestInput,
  refuseRequestInput,
  requestRef,
  updateRequestInput,
} from '../privacyRequests/privacyRequestInputs.js';
import { toRequestView, type PrivacyRequestView } from '../privacyRequests/toRequestView.js';
import { projectProcedure, router } from '../trpc.js';

/** Who may be assigned a request: the project's owners and privacy officers. */
async function getAssignees(ctx: AuthorisedContext) {
  const members = await ctx.store.listMembers(ctx.project.projectId);
  return members.filter((m) => m.role === 'owner' || m.role === 'privacy');
}

async function assertAssignable(ctx: AuthorisedContext, assigneeId: string | null | undefined) {
  if (assigneeId === undefined || assigneeId === null) return;
  if (!(await getAssignees(ctx)).some((m) => m.userId === assigneeId)) {
    throw new TRPCError({
      code: 'BAD_REQUEST',
      message: 'assigneeId: not an owner or privacy officer of this project',
    });
  }
}

async function view(ctx: AuthorisedContext, request: PrivacyRequest): Promise<PrivacyRequestView> {
  return toRequestView(request, await ctx.store.listMembers(ctx.project.projectId));
}

/** The request, open (not done or refused): else NOT_FOUND or CONFLICT. */
async function getOpenRequest(ctx: AuthorisedContext, requestId: string): Promise<PrivacyRequest> {
  const request = await ctx.store.getPrivacyRequest(ctx.project.projectId, requestId);
  if (request === undefined) {
    throw new TRPCError({ code: 'NOT_FOUND', message: 'requestId: no such request in this project' });
  }
  if (request.status === 'done' || request.status === 'refused') {
    throw new TRPCError({
      code: 'CONFLICT',
      message: `requestId: this request is ${request.status} already`,
    });
  }
  return request;
}

function assertVerified(request: PrivacyRequest) {
  if (request.verification !== 'verified') {
    throw new TRPCError({
      code: 'PRECONDITION_FAILED',
      message: "verification: verify the requester's identity first (Art. 12(6))",
    });
  }
}

/** Applies a change and writes its audit entry (never the requester's name or ids: the log outlives an erasure). */
async function change(
  ctx: AuthorisedContext,
  request: PrivacyRequest,
  patch: PrivacyRequestChange,
  action: string,
  detail: Record<string, string | number | boolean | null> = {},
): Promise<PrivacyRequestView> {
  const updated = await ctx.store.updatePrivacyRequest(ctx.project.projectId, request.requestId, patch);
  await auditProject(ctx, action, {
    target: request.requestId,
    detail: { kind: request.kind, status: updated!.status, ...detail },
  });
  return view(ctx, updated!);
}

/**
 * `privacy.requests.*`: data-subject requests (GDPR Art. 12, 15–17, 20, 21), from
 * receipt to their answer, each change audited. Workflow: received → verified (the
 * identity check) → in progress → done (with the outcome attached) or refused (with
 * the reason); an open request may be extended once by two months.
 */
export const privacyRequestsRouter = router({
  /** Every request, open ones first by deadline, each with its due state (overdue, due this week…). */
  list: projectProcedure.query(async ({ ctx }) => {
    const [requests, members] = await Promise.all([
      ctx.store.listPrivacyRequests(ctx.project.projectId),
      ctx.store.listMembers(ctx.project.projectId),
    ]);
    const now = Date.now();
    return { today: formatCalendarDay(now), requests: requests.map((r) => toRequestView(r, members, now)) };
  }),

  get: projectProcedure.input(requestRef).query(async ({ ctx, input }) => {
    const request = await ctx.store.getPrivacyRequest(ctx.project.projectId, input.requestId);
    if (request === undefined) {
      throw new TRPCError({ code: 'NOT_FOUND', message: 'requestId: no such request in this project' });
    }
    return view(ctx, request);
  }),

  /** The members a request may be assigned to (owners and privacy officers). */
  assignees: projectProcedure.query(async ({ ctx }) =>
    (await getAssignees(ctx)).map(({ userId, name, email, role }) => ({ userId, name, email, role })),
  ),

  create: projectProcedure.input(newRequestInput).mutation(async ({ ctx, input }) => {
    const { projectId: _, requesterEmail, ...rest } = input;
    if (input.receivedOn > formatCalendarDay(Date.now() + 86_400_000)) {
      throw new TRPCError({
        code: 'BAD_REQUEST',
        message: 'receivedOn: a request cannot arrive in the future',
      });
    }
    await assertAssignable(ctx, input.assigneeId);
    const request = await ctx.store.createPrivacyRequest(ctx.project.projectId, {
      ...rest,
      requesterEmail: requesterEmail === '' ? undefined : requesterEmail,
    });
    await auditProject(ctx, 'privacy.requestCreated', {
      target: request.requestId,
      detail: { kind: request.kind, receivedOn: request.receivedOn, dueOn: request.dueOn },
    });
    return view(ctx, request);
  }),

  /**
   * Verification, status, assignee. Verifying a received request moves it to
   * verified; working on it (verified, in progress) needs a verified identity.
   */
  update: projectProcedure.input(updateRequestInput).mutation(async ({ ctx, input }) => {
    const request = await getOpenRequest(ctx, input.requestId);
    await assertAssignable(ctx, input.assigneeId);
    const verification = input.verification ?? request.verification;
    let status = input.status;
    if (status === undefined && input.verification === 'verified' && request.status === 'received') {
      status = 'verified';
    }
    if ((status === 'verified' || status === 'in_progress') && verification !== 'verified') {
      throw new TRPCError({
        code: 'PRECONDITION_FAILED',
        message: `status: a request is ${status} only once the requester's identity is verified`,
      });
    }
    const patch: PrivacyRequestChange = {
      ...(input.verification !== undefined && { verification: input.verification }),
      ...(status !== undefined && { status }),
      ...(input.assigneeId !== undefined && { assigneeId: input.assigneeId }),
    };
    return change(ctx, request, patch, 'privacy.requestUpdated', {
      verification,
      assigneeId: input.assigneeId === undefined ? (request.assigneeId ?? null) : input.assigneeId,
    });
  }),

  /** The one extension Art. 12(3) allows: two further months, with the reason (told to the requester). */
  extend: projectProcedure.input(extendRequestInput).mutation(async ({ ctx, input }) => {
    const request = await getOpenRequest(ctx, input.requestId);
    if (request.extendedDueOn !== null) {
      throw new TRPCError({ code: 'CONFLICT', message: 'requestId: this request was extended already' });
    }
    return change(ctx, request, { extensionReason: input.reason }, 'privacy.requestExtended');
  }),

  /**
   * An access or portability request's export: the document (downloaded as is), its
   * SHA-256 and rows per table attached to the request. The document is not kept.
   */
  exportData: projectProcedure.input(requestRef).mutation(async ({ ctx, input }) => {
    const request = await getOpenRequest(ctx, input.requestId);
    if (request.kind !== 'access' && request.kind !== 'portability') {
      throw new TRPCError({
        code: 'BAD_REQUEST',
        message: `requestId: a ${request.kind} request has no export`,
      });
    }
    assertVerified(request);
    const file = await exportRequestData(ctx.store, ctx.project.projectId, request);
    const { filename, sha256, bytes, exportedAt, rows } = file;
    const outcome = { kind: 'export' as const, filename, sha256, bytes, exportedAt, rows };
    const status = request.status === 'in_progress' ? undefined : ('in_progress' as const);
    const updated = await change(
      ctx,
      request,
      { outcome, ...(status && { status }) },
      'privacy.requestExported',
      {
        sha256,
        ...rows,
      },
    );
    return { request: updated, filename, json: file.json, sha256 };
  }),

  /**
   * Answers the request and closes it: access/portability once exported; erasure runs
   * the erasure of every id given (its receipt attached, and in the audit log like any
   * erasure); rectification and objection with a note of what was done.
   */
  complete: projectProcedure.input(completeRequestInput).mutation(async ({ ctx, input }) => {
    const request = await getOpenRequest(ctx, input.requestId);
    assertVerified(request);
    if (request.kind === 'access' || request.kind === 'portability') {
      if (request.outcome?.kind !== 'export') {
        throw new TRPCError({
          code: 'PRECONDITION_FAILED',
          message: 'requestId: export the data first (privacy.requests.exportData)',
        });
      }
      return change(ctx, request, { status: 'done' }, 'privacy.requestCompleted');
    }
    if (request.kind === 'erasure') {
      const receipt = await eraseRequestSubjects(ctx.store, ctx.project.projectId, request);
      await auditProject(ctx, 'privacy.personErased', {
        target: receipt.requestId,
        detail: { requestId: receipt.requestId, erasedAt: receipt.erasedAt, ...receipt.tables },
      });
      const outcome = { kind: 'erasure' as const, receipt };
      return change(ctx, request, { status: 'done', outcome }, 'privacy.requestCompleted');
    }
    if (input.note === undefined) {
      throw new TRPCError({
        code: 'BAD_REQUEST',
        message: `note: say what was done for this ${request.kind} request`,
      });
    }
    const outcome = { kind: 'note' as const, note: input.note };
    return change(ctx, request, { status: 'done', outcome }, 'privacy.requestCompleted');
  }),

  /** Refuses the request (Art. 12(5): manifestly unfounded or excessive, or identity not proven), with the reason. */
  refuse: projectProcedure.input(refuseRequestInput).mutation(async ({ ctx, input }) => {
    const request = await getOpenRequest(ctx, input.requestId);
    return change(ctx, request, { status: 'refused', refusalReason: input.reason }, 'privacy.requestRefused');
  }),
});
