import { addCalendarMonths, countDaysBetween, type CalendarDay } from './addCalendarMonths.js';

/** Where a request stands against its deadline, as the Requests list shows it. */
export type DueState = 'overdue' | 'dueThisWeek' | 'onTime' | 'closed';

/** Days ahead (today included) in which a due date counts as "due this week". */
export const DUE_SOON_DAYS = 7;

/**
 * The deadlines of a data-subject request received on `receivedOn` (GDPR Art. 12(3)):
 * one calendar month after receipt, and, once extended, two further calendar months
 * after that first due date. Counting the extension from the first due date, not three
 * months from receipt, gives the earlier day when they differ (31 January: 28 April,
 * not 30 April): the reading that never answers late. Weekends and public holidays do
 * not move the date (an earlier deadline is the safe side).
 */
export function getRequestDueDates(receivedOn: CalendarDay): {
  dueOn: CalendarDay;
  extendedDueOn: CalendarDay;
} {
  const dueOn = addCalendarMonths(receivedOn, 1);
  return { dueOn, extendedDueOn: addCalendarMonths(dueOn, 2) };
}

/**
 * Overdue once `today` is past the due day (the whole due day is still on time);
 * due this week when the due day is one of the next 7 days, today included; closed
 * requests (done, refused) are neither.
 */
export function getDueState(dueOn: CalendarDay, today: CalendarDay, closed: boolean): DueState {
  if (closed) return 'closed';
  const days = countDaysBetween(today, dueOn);
  if (days < 0) return 'overdue';
  return days < DUE_SOON_DAYS ? 'dueThisWeek' : 'onTime';
}
