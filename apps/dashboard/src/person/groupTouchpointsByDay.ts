import type { Touchpoint } from '../api/types.js';
import { getDayKey, type DateTimeOptions } from '../format/formatDateTime.js';

/** The touchpoints of one calendar day, in the order they came. */
export interface TouchpointDay {
  /** `YYYY-MM-DD` in the viewer's time zone. */
  dayKey: string;
  touchpoints: Touchpoint[];
}

/**
 * Cuts a timeline (already in time order, as the API sends it) into calendar days of
 * the viewer's time zone, so a journey reads like a diary. Order is kept as given.
 */
export function groupTouchpointsByDay(
  touchpoints: readonly Touchpoint[],
  options: DateTimeOptions = {},
): TouchpointDay[] {
  const days: TouchpointDay[] = [];
  for (const touchpoint of touchpoints) {
    const dayKey = getDayKey(touchpoint.timestamp, options);
    const last = days.at(-1);
    if (last?.dayKey === dayKey) last.touchpoints.push(touchpoint);
    else days.push({ dayKey, touchpoints: [touchpoint] });
  }
  return days;
}
