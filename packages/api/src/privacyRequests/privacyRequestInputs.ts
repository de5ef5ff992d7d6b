import { isCalendarDay, PRIVACY_REQUEST_KINDS, VERIFICATION_STATES } from '@parcours/store';
import { z } from 'zod';

const projectId = z.string().min(1).max(64);
const personId = z.string().min(1).max(256);

/** `{ projectId, requestId }`: one request of the project. */
export const requestRef = z.object({ projectId, requestId: z.string().min(1).max(64) });

/** A calendar day `YYYY-MM-DD`. */
const calendarDay = z.string().refine(isCalendarDay, { message: 'Expected a calendar day, YYYY-MM-DD' });

/** Free text the officer writes: a reason, a note. */
const reason = z.string().trim().min(3).max(2_000);

/**
 * A new request, as the officer records it: what was asked, when it arrived, who asked
 * and the ids they gave (a user id and/or up to 20 anonymous ids; at least one, or
 * nothing could be found or erased).
 */
export const newRequestInput = z
  .object({
    projectId,
    kind: z.enum(PRIVACY_REQUEST_KINDS),
    receivedOn: calendarDay,
    requesterName: z.string().trim().max(200).optional(),
    requesterEmail: z.string().trim().max(254).email().optional().or(z.literal('')),
    userId: personId.optional(),
    anonymousIds: z.array(personId).max(20).default([]),
    assigneeId: z.string().min(1).max(64).optional(),
  })
  .refine((v) => v.userId !== undefined || v.anonymousIds.length > 0, {
    message: 'Give the userId or at least one anonymousId the requester gave',
    path: ['userId'],
  });

/** Verification, status (open statuses only: `complete` and `refuse` close) and assignee (null: nobody). */
export const updateRequestInput = requestRef.extend({
  verification: z.enum(VERIFICATION_STATES).optional(),
  status: z.enum(['received', 'verified', 'in_progress']).optional(),
  assigneeId: z.string().min(1).max(64).nullable().optional(),
});

export const extendRequestInput = requestRef.extend({ reason });
export const refuseRequestInput = requestRef.extend({ reason });
/** `note`: what was done; required for rectification and objection, whose outcome it is. */
export const completeRequestInput = requestRef.extend({ note: reason.optional() });
