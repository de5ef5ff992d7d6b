import {
  formatCalendarDay,
  getDueState,
  type DueState,
  type Member,
  type PrivacyRequest,
} from '@parcours/store';

/** A request as the API answers it: with its deadline in force, where it stands, and who handles it. */
export interface PrivacyRequestView extends PrivacyRequest {
  /** The deadline in force: the extended one, once extended. */
  effectiveDueOn: string;
  dueState: DueState;
  assignee: { userId: string; name: string; email: string } | null;
}

/** Adds the deadline in force, its state on `today` (UTC) and the assignee's name. */
export function toRequestView(
  request: PrivacyRequest,
  members: readonly Member[],
  now = Date.now(),
): PrivacyRequestView {
  const effectiveDueOn = request.extendedDueOn ?? request.dueOn;
  const closed = request.status === 'done' || request.status === 'refused';
  const member = members.find((m) => m.userId === request.assigneeId);
  return {
    ...request,
    effectiveDueOn,
    dueState: getDueState(effectiveDueOn, formatCalendarDay(now), closed),
    assignee: member ? { userId: member.userId, name: member.name, email: member.email } : null,
  };
}
