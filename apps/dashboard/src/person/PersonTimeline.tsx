import type { Touchpoint } from '../api/types.js';
import { formatDay } from '../format/formatDateTime.js';
import { groupTouchpointsByDay } from './groupTouchpointsByDay.js';
import { TouchpointRow } from './TouchpointRow.js';

/** A person's touchpoints across every channel, earliest first, one section a day. */
export function PersonTimeline({ events }: { events: readonly Touchpoint[] }) {
  if (events.length === 0) return <p class="notice">This person has no touchpoints yet.</p>;
  let previousAt: number | undefined;
  return (
    <table class="timeline">
      <caption class="visually-hidden">Touchpoints, earliest first, grouped by day</caption>
      <thead>
        <tr>
          <th scope="col">Time</th>
          <th scope="col">Touchpoint</th>
          <th scope="col">Channel</th>
          <th scope="col">Properties</th>
        </tr>
      </thead>
      {groupTouchpointsByDay(events).map((day) => (
        <tbody key={day.dayKey}>
          <tr class="day">
            <th colSpan={4} scope="rowgroup">
              {formatDay(day.touchpoints[0]!.timestamp)}
            </th>
          </tr>
          {day.touchpoints.map((touchpoint) => {
            const row = <TouchpointRow key={touchpoint.id} touchpoint={touchpoint} previousAt={previousAt} />;
            previousAt = touchpoint.timestamp;
            return row;
          })}
        </tbody>
      ))}
    </table>
  );
}
